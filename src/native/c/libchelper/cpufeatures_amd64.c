/*
 * x86-64 CPU feature detection for native images. The builder learns the
 * build machine's features from HotSpot (through JVMCI); the image calls
 * checkCPUFeaturesOrExit at startup to make sure the CPU it runs on has every
 * feature its code was compiled for. So this file applies the rules of
 * HotSpot's VM_Version::CpuidInfo::feature_flags (JDK 25, vm_version_x86.cpp):
 * same CPUID bits, same vendor conditions, vector extensions only when the OS
 * saves their registers (XCR0) -- reporting less than HotSpot would make images
 * refuse to start on the very machine that built them.
 */
#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd64cpufeatures.h"

#define BIT(reg, n) (((reg) >> (n)) & 1u)

typedef struct {
    unsigned int eax, ebx, ecx, edx;
} Regs;

static const Regs NONE = {0, 0, 0, 0};

static Regs cpuid(unsigned int leaf, unsigned int subleaf) {
    Regs r = NONE;
    __cpuid_count(leaf, subleaf, r.eax, r.ebx, r.ecx, r.edx);
    return r;
}

/* XCR0 says which register states the OS saves on context switch. */
static unsigned long long read_xcr0(void) {
    unsigned int lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long long) hi << 32) | lo;
}

enum Vendor { OTHER, INTEL, AMD, HYGON, ZHAOXIN };

static enum Vendor vendor(const Regs *leaf0) {
    switch (leaf0->ebx) {
        case 0x756e6547: return INTEL;   /* "Genu" */
        case 0x68747541: return AMD;     /* "Auth" */
        case 0x6F677948: return HYGON;   /* "Hygo" */
        case 0x746e6543: /* "Cent" */
        case 0x68532020: return ZHAOXIN; /* "  Sh" */
        default: return OTHER;
    }
}

void determineCPUFeatures(CPUFeatures *f) {
    memset(f, 0, sizeof(*f));

    Regs l0 = cpuid(0, 0);
    unsigned int max_leaf = l0.eax;
    unsigned int max_ext = __get_cpuid_max(0x80000000u, NULL);
    enum Vendor v = vendor(&l0);
    int amd_family = v == AMD || v == HYGON;

    Regs l1 = max_leaf >= 1 ? cpuid(1, 0) : NONE;
    Regs l7 = max_leaf >= 7 ? cpuid(7, 0) : NONE;
    Regs l7s1 = max_leaf >= 7 ? cpuid(7, 1) : NONE;
    Regs lb = max_leaf >= 0xB ? cpuid(0xB, 0) : NONE;
    Regs l24 = max_leaf >= 0x24 ? cpuid(0x24, 0) : NONE;
    Regs l29 = max_leaf >= 0x29 ? cpuid(0x29, 0) : NONE;
    Regs e1 = max_ext >= 0x80000001u ? cpuid(0x80000001u, 0) : NONE;
    Regs e7 = max_ext >= 0x80000007u ? cpuid(0x80000007u, 0) : NONE;
    Regs e8 = max_ext >= 0x80000008u ? cpuid(0x80000008u, 0) : NONE;
    Regs e1e = max_ext >= 0x8000001Eu ? cpuid(0x8000001Eu, 0) : NONE;

    unsigned int base_family = (l1.eax >> 8) & 0xf;
    unsigned int family = base_family == 0xf ? base_family + ((l1.eax >> 20) & 0xff) : base_family;
    unsigned int model = ((l1.eax >> 4) & 0xf) | (((l1.eax >> 16) & 0xf) << 4);

    /* Operating-system support for the wider register files. */
    unsigned long long xcr0 = BIT(l1.ecx, 27) /* OSXSAVE */ ? read_xcr0() : 0;
    int os_avx = (xcr0 & 0x6) == 0x6;               /* SSE + YMM state */
    int os_avx512 = (xcr0 & 0xE0) == 0xE0;          /* opmask + ZMM state */
    int os_apx = (xcr0 & (1ull << 19)) != 0;        /* extended GPR state */

    /* Threads per core, as HotSpot computes it. */
    unsigned int threads_per_core = 1;
    int topology = max_leaf >= 0xB && ((lb.eax & 0x1f) | (lb.ebx & 0xffff)) != 0;
    if ((v == INTEL || v == ZHAOXIN) && topology) {
        threads_per_core = lb.ebx & 0xffff;
    } else if (BIT(l1.edx, 28)) {
        if (family >= 0x17) {
            threads_per_core = ((e1e.ebx >> 8) & 0xff) + 1;
        } else {
            unsigned int cores = amd_family ? (e8.ecx & 0xff) + 1 : ((cpuid(4, 0).eax >> 26) & 0x3f) + 1;
            threads_per_core = ((l1.ebx >> 16) & 0xff) / (cores ? cores : 1);
        }
    }

    f->fCX8 = BIT(l1.edx, 8);
    f->fCMOV = BIT(l1.edx, 15);
    f->fFLUSH = BIT(l1.edx, 19);
    f->fFXSR = BIT(l1.edx, 24) || (amd_family && BIT(e1.edx, 24));
    f->fHT = threads_per_core > 1;
    f->fMMX = BIT(l1.edx, 23) || (amd_family && BIT(e1.edx, 23));
    f->fSSE = BIT(l1.edx, 25);
    f->fSSE2 = BIT(l1.edx, 26);
    f->fSSE3 = BIT(l1.ecx, 0);
    f->fSSSE3 = BIT(l1.ecx, 9);
    f->fSSE4_1 = BIT(l1.ecx, 19);
    f->fSSE4_2 = BIT(l1.ecx, 20);
    f->fPOPCNT = BIT(l1.ecx, 23);
    f->fAPX_F = BIT(l7s1.edx, 21) && os_apx && BIT(l29.ebx, 0);

    if (BIT(l1.ecx, 28) && os_avx) {
        f->fAVX = 1;
        f->fVZEROUPPER = 1;
        f->fSHA512 = BIT(l7s1.eax, 0);
        f->fF16C = BIT(l1.ecx, 29);
        if (BIT(l7.ebx, 5)) {
            f->fAVX2 = 1;
            f->fAVX_IFMA = BIT(l7s1.eax, 23);
        }
        f->fGFNI = BIT(l7.ecx, 8);
        if (BIT(l7.ebx, 16) && os_avx512) {
            f->fAVX512F = 1;
            f->fAVX512CD = BIT(l7.ebx, 28);
            f->fAVX512DQ = BIT(l7.ebx, 17);
            f->fAVX512_IFMA = BIT(l7.ebx, 21);
            f->fAVX512PF = BIT(l7.ebx, 26);
            f->fAVX512ER = BIT(l7.ebx, 27);
            f->fAVX512BW = BIT(l7.ebx, 30);
            f->fAVX512VL = BIT(l7.ebx, 31);
            f->fAVX512_VPOPCNTDQ = BIT(l7.ecx, 14);
            f->fAVX512_VPCLMULQDQ = BIT(l7.ecx, 10);
            f->fAVX512_VAES = BIT(l7.ecx, 9);
            f->fAVX512_VNNI = BIT(l7.ecx, 11);
            f->fAVX512_BITALG = BIT(l7.ecx, 12);
            f->fAVX512_VBMI = BIT(l7.ecx, 1);
            f->fAVX512_VBMI2 = BIT(l7.ecx, 6);
        }
        /* AVX10 (converged ISA with 512-bit vectors) implies the whole AVX-512 family. */
        if (v == INTEL && BIT(l7s1.edx, 19) && BIT(l24.ebx, 18) && (l24.ebx & 0xff) >= 1 && os_avx512) {
            f->fAVX10_1 = 1;
            f->fAVX512F = f->fAVX512CD = f->fAVX512DQ = f->fAVX512PF = f->fAVX512ER = 1;
            f->fAVX512BW = f->fAVX512VL = f->fAVX512_VPOPCNTDQ = f->fAVX512_VPCLMULQDQ = 1;
            f->fAVX512_VAES = f->fAVX512_VNNI = f->fAVX512_BITALG = f->fAVX512_VBMI = f->fAVX512_VBMI2 = 1;
            f->fAVX10_2 = (l24.ebx & 0xff) >= 2;
        }
    }

    f->fHV = BIT(l1.ecx, 31);
    f->fBMI1 = BIT(l7.ebx, 3);
    f->fTSC = BIT(l1.edx, 4);
    f->fTSCINV_BIT = BIT(e7.edx, 8);
    f->fAES = BIT(l1.ecx, 25);
    f->fLZCNT = BIT(e1.ecx, 5);
    f->fAMD_3DNOW_PREFETCH = BIT(e1.ecx, 8);
    f->fERMS = BIT(l7.ebx, 9);
    f->fFSRM = BIT(l7.edx, 4);
    f->fCLMUL = BIT(l1.ecx, 1);
    f->fRTM = BIT(l7.ebx, 11);
    f->fADX = BIT(l7.ebx, 19);
    f->fBMI2 = BIT(l7.ebx, 8);
    f->fSHA = BIT(l7.ebx, 29);
    f->fFMA = BIT(l1.ecx, 12);
    f->fFLUSHOPT = BIT(l7.ebx, 23);
    f->fCLWB = BIT(l7.ebx, 24) && v != ZHAOXIN; /* HotSpot does not trust this bit on Zhaoxin */
    f->fRDTSCP = BIT(e1.edx, 27);
    f->fRDPID = BIT(l7.ecx, 22);

    if (amd_family) {
        f->fAMD_3DNOW_PREFETCH |= BIT(e1.edx, 31); /* 3DNow! */
        f->fSSE4A = BIT(e1.ecx, 6);
    }
    if (v == INTEL) {
        f->fSERIALIZE = BIT(l7.edx, 14);
        f->fAVX512_FP16 = BIT(l7.edx, 23);
    }

    f->fPKU = BIT(l7.ecx, 3);
    f->fOSPKE = BIT(l7.ecx, 4);
    f->fCET_SS = BIT(l7.ecx, 7);
    f->fCET_IBT = BIT(l7.edx, 20);

    /*
     * An invariant TSC usable as a clock: AMD/Hygon except Barcelona (family
     * 0x11 in HotSpot's terms), and the Intel server models HotSpot knows to
     * synchronize TSCs at start-up.
     */
    int intel_tsc_synched = v == INTEL && family == 6 &&
                            (model == 0x1a || model == 0x2c || model == 0x2d || model == 0x3a);
    f->fTSCINV = f->fTSCINV_BIT && ((amd_family && !(v == AMD && family == 0x11)) || intel_tsc_synched);
}

int checkCPUFeatures(uint8_t *mask) {
    /* The mask is padded to a multiple of 8 bytes; padding bytes are 0xFF. */
    uint8_t present[(sizeof(CPUFeatures) + 7) / 8 * 8];
    memset(present, 0, sizeof(present));
    determineCPUFeatures((CPUFeatures *) present);
    for (size_t i = 0; i < sizeof(CPUFeatures); i++) {
        if ((uint8_t) (mask[i] | present[i]) != 0xFF) {
            return 1;
        }
    }
    return 0;
}

int checkCPUFeaturesOrExit(uint8_t *mask, const char *errorMessage) {
    int result = checkCPUFeatures(mask);
    if (result != 0) {
        fputs(errorMessage, stderr);
        fputc('\n', stderr);
        exit(1);
    }
    return result;
}
