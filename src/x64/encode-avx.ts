// AVX, AVX2 and FMA encoding forms that have no legacy SSE counterpart, for
// the VEX writers in encode.ts (vRRR, vRRM, vMR, vRRRI, vRRMI, vMRI). The
// 128-bit and 256-bit forms of the SSE instructions are the SSE forms of
// encode-sse.ts / encode-vec.ts written through those writers with VEX.L 0 or 1.

import { defineForm, F_SSE, F_V2, F_VEX, F_VW1, type Form } from './encode.js';

/** A VEX-only form with mandatory prefix 66 and an opcode in map 0F38 or 0F3A (escape bytes included). */
function vex(name: string, flags: number, spec: { rm?: number; mr?: number; rmi8?: number; mri8?: number }): Form {
  return defineForm(name, { flags: F_SSE | F_VEX | flags, prefix: 0x66, ...spec });
}

// Broadcasts: the low element of an XMM register (AVX2) or of memory to every lane.
export const VBROADCASTSS = vex('vbroadcastss', F_V2, { rm: 0x0f3818 });
export const VBROADCASTSD = vex('vbroadcastsd', F_V2, { rm: 0x0f3819 });
export const VPBROADCASTB = vex('vpbroadcastb', F_V2, { rm: 0x0f3878 });
export const VPBROADCASTW = vex('vpbroadcastw', F_V2, { rm: 0x0f3879 });
export const VPBROADCASTD = vex('vpbroadcastd', F_V2, { rm: 0x0f3858 });
export const VPBROADCASTQ = vex('vpbroadcastq', F_V2, { rm: 0x0f3859 });
/** vbroadcasti128 ymm, m128 (memory only). */
export const VBROADCASTI128 = vex('vbroadcasti128', F_V2, { rm: 0x0f385a });

// 128-bit halves of YMM registers.
/** vperm2i128 / vperm2f128 ymm, ymm, ymm/m256, imm8. */
export const VPERM2I128 = vex('vperm2i128', 0, { rmi8: 0x0f3a46 });
export const VPERM2F128 = vex('vperm2f128', 0, { rmi8: 0x0f3a06 });
/** vextracti128 / vextractf128 xmm/m128, ymm, imm8: vRRRI(buf, F, 1, xmm, -1, ymm, imm). */
export const VEXTRACTI128 = vex('vextracti128', F_V2, { mri8: 0x0f3a39 });
export const VEXTRACTF128 = vex('vextractf128', F_V2, { mri8: 0x0f3a19 });
/** vinserti128 / vinsertf128 ymm, ymm, xmm/m128, imm8. */
export const VINSERTI128 = vex('vinserti128', 0, { rmi8: 0x0f3a38 });
export const VINSERTF128 = vex('vinsertf128', 0, { rmi8: 0x0f3a18 });

// Lane permutes across the whole register (AVX2).
/** vpermq / vpermpd ymm, ymm/m256, imm8. */
export const VPERMQ = vex('vpermq', F_V2 | F_VW1, { rmi8: 0x0f3a00 });
export const VPERMPD = vex('vpermpd', F_V2 | F_VW1, { rmi8: 0x0f3a01 });
/** vpermd / vpermps ymm, ymm (indices), ymm/m256. */
export const VPERMD = vex('vpermd', 0, { rm: 0x0f3836 });
export const VPERMPS = vex('vpermps', 0, { rm: 0x0f3816 });

// Blends. The variable ones take the mask register as imm8[7:4] (vRRRI with imm = mask << 4).
export const VPBLENDVB = vex('vpblendvb', 0, { rmi8: 0x0f3a4c });
export const VBLENDVPS = vex('vblendvps', 0, { rmi8: 0x0f3a4a });
export const VBLENDVPD = vex('vblendvpd', 0, { rmi8: 0x0f3a4b });
export const VPBLENDD = vex('vpblendd', 0, { rmi8: 0x0f3a02 });

// Shifts of each lane by the count in the matching lane (AVX2).
export const VPSLLVD = vex('vpsllvd', 0, { rm: 0x0f3847 });
export const VPSLLVQ = vex('vpsllvq', F_VW1, { rm: 0x0f3847 });
export const VPSRLVD = vex('vpsrlvd', 0, { rm: 0x0f3845 });
export const VPSRLVQ = vex('vpsrlvq', F_VW1, { rm: 0x0f3845 });
export const VPSRAVD = vex('vpsravd', 0, { rm: 0x0f3846 });

/**
 * FMA3: FMA[kind][order][type]. kind 0 vfmadd (a*b+c), 1 vfmsub (a*b-c),
 * 2 vfnmadd (-(a*b)+c), 3 vfnmsub (-(a*b)-c); order 0 = 132 (d = d*s2 ± v),
 * 1 = 213 (d = v*d ± s2), 2 = 231 (d = v*s2 ± d); type 0 ps, 1 pd, 2 ss, 3 sd.
 * `vfmadd213ps d, v, s2` is vRRR(buf, FMA[0][1][0], L, d, v, s2).
 */
export const FMA: Form[][][] = [];
for (const [k, kind] of ['fmadd', 'fmsub', 'fnmadd', 'fnmsub'].entries()) {
  const byOrder: Form[][] = [];
  for (const [o, order] of ['132', '213', '231'].entries()) {
    const byType: Form[] = [];
    for (const [t, ty] of ['ps', 'pd', 'ss', 'sd'].entries()) {
      const op = 0x0f3898 + 0x10 * o + 2 * k + (t >= 2 ? 1 : 0);
      byType.push(vex(`v${kind}${order}${ty}`, (t & 1) !== 0 ? F_VW1 : 0, { rm: op }));
    }
    byOrder.push(byType);
  }
  FMA.push(byOrder);
}
