package org.fairkit.orchestration.io;

/**
 * Whether bytes are well-formed UTF-8, as the Unicode Standard's Table 3-7 defines it (no overlong forms, no
 * surrogates, nothing past U+10FFFF): exactly the bytes the JDK's strict decoder ({@link Utf8Input}) accepts.
 */
final class Utf8 {
    private Utf8() {
    }

    /** @return whether {@code b[from, to)} is well-formed UTF-8 */
    static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + n >= to) {
                return false;
            }
            int second = b[i + 1] & 0xff;
            if (second < lo || second > hi) {
                return false;
            }
            for (int t = 2; t <= n; t++) {
                int x = b[i + t] & 0xff;
                if (x < 0x80 || x > 0xBF) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
