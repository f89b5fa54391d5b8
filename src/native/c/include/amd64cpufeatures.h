/*
 * CPU feature flags of an x86-64 machine, as the native-image builder reads them.
 *
 * The builder (com.oracle.svm.core.amd64.AMD64LibCHelper$CPUFeatures) names every
 * field below and finds its offset by compiling a query against this header, so
 * the names are fixed but their order is ours. Each field must be one byte: the
 * builder encodes "feature required" masks byte-for-byte over this struct.
 */
#ifndef VING_AMD64CPUFEATURES_H
#define VING_AMD64CPUFEATURES_H

#include <stdint.h>

typedef struct {
    uint8_t fCX8;
    uint8_t fCMOV;
    uint8_t fFXSR;
    uint8_t fHT;
    uint8_t fMMX;
    uint8_t fAMD_3DNOW_PREFETCH;
    uint8_t fSSE;
    uint8_t fSSE2;
    uint8_t fSSE3;
    uint8_t fSSSE3;
    uint8_t fSSE4A;
    uint8_t fSSE4_1;
    uint8_t fSSE4_2;
    uint8_t fPOPCNT;
    uint8_t fLZCNT;
    uint8_t fTSC;
    uint8_t fTSCINV;
    uint8_t fTSCINV_BIT;
    uint8_t fAVX;
    uint8_t fAVX2;
    uint8_t fAES;
    uint8_t fERMS;
    uint8_t fCLMUL;
    uint8_t fBMI1;
    uint8_t fBMI2;
    uint8_t fRTM;
    uint8_t fADX;
    uint8_t fAVX512F;
    uint8_t fAVX512DQ;
    uint8_t fAVX512PF;
    uint8_t fAVX512ER;
    uint8_t fAVX512CD;
    uint8_t fAVX512BW;
    uint8_t fAVX512VL;
    uint8_t fSHA;
    uint8_t fFMA;
    uint8_t fVZEROUPPER;
    uint8_t fAVX512_VPOPCNTDQ;
    uint8_t fAVX512_VPCLMULQDQ;
    uint8_t fAVX512_VAES;
    uint8_t fAVX512_VNNI;
    uint8_t fFLUSH;
    uint8_t fFLUSHOPT;
    uint8_t fCLWB;
    uint8_t fAVX512_VBMI2;
    uint8_t fAVX512_VBMI;
    uint8_t fHV;
    uint8_t fSERIALIZE;
    uint8_t fRDTSCP;
    uint8_t fRDPID;
    uint8_t fFSRM;
    uint8_t fGFNI;
    uint8_t fAVX512_BITALG;
    uint8_t fPKU;
    uint8_t fOSPKE;
    uint8_t fCET_IBT;
    uint8_t fCET_SS;
    uint8_t fF16C;
    uint8_t fAVX512_IFMA;
    uint8_t fAVX_IFMA;
    uint8_t fAPX_F;
    uint8_t fSHA512;
    uint8_t fAVX512_FP16;
    uint8_t fAVX10_1;
    uint8_t fAVX10_2;
} CPUFeatures;

/* Fills *features with what this CPU and OS support (1 = supported). */
void determineCPUFeatures(CPUFeatures *features);

/*
 * The mask holds sizeof(CPUFeatures) bytes rounded up to 8: 0xFF where a feature
 * is optional, 0xFE where the image was compiled to rely on it.
 * Returns 0 when every required feature is present, 1 otherwise.
 */
int checkCPUFeatures(uint8_t *buildtimeCPUFeatureMask);

/* As checkCPUFeatures, but prints errorMessage and exits the process on a mismatch. */
int checkCPUFeaturesOrExit(uint8_t *buildtimeCPUFeatureMask, const char *errorMessage);

#endif
