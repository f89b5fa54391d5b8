/*
 * CPU feature flags of a RISC-V machine, named as the native-image builder expects
 * (see amd64cpufeatures.h). This toolchain targets x86-64 only: the builder still
 * resolves this header while it starts, so the struct must exist, but no code here
 * implements the functions for RISC-V.
 */
#ifndef VING_RISCV64CPUFEATURES_H
#define VING_RISCV64CPUFEATURES_H

#include <stdint.h>

typedef struct {
    uint8_t fI;
    uint8_t fM;
    uint8_t fA;
    uint8_t fF;
    uint8_t fD;
    uint8_t fC;
    uint8_t fV;
} CPUFeatures;

#endif
