/* SPDX-License-Identifier: MIT */
/* tests/unit/test_sanitize.c — the one sanitiser: whatever a user typed (or pasted, or an
 * import smuggled in) must reach the terminal as inert, valid, width-bounded text. The
 * tests run under any locale, LANG=C included: widths come from utf8proc's tables. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/sanitize.h"
#include "../../core/utf8.h"

static char out[512];

static const char *S(const char *in, int w)
{
    san_text(in, w, false, out, sizeof out);
    return out;
}

static const char *A(const char *in, int w)
{
    san_text(in, w, true, out, sizeof out);
    return out;
}

/* Strict validity check, independent of the implementation. */
static bool valid_utf8(const unsigned char *s)
{
    while (*s) {
        unsigned c = *s;
        int n;
        unsigned cp;
        if (c < 0x80) { s++; continue; }
        else if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return false;
        for (int i = 1; i <= n; i++) {
            if ((s[i] & 0xC0) != 0x80) return false;
            cp = cp << 6 | (s[i] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        s += n + 1;
    }
    return true;
}

static void plain_text_passes_unchanged(void **st)
{
    (void)st;
    assert_string_equal(S("First-call resolution", -1), "First-call resolution");
    assert_int_equal(san_text("café", -1, false, out, sizeof out), 4);
    assert_string_equal(out, "café");
    assert_string_equal(S("", 10), "");
    assert_int_equal(san_text(NULL, 10, false, out, sizeof out), 0);
    assert_string_equal(out, "");
    assert_int_equal(san_width(NULL, false), 0);
    assert_int_equal(san_width("Privacy incidents", false), 17);
}

static void escape_sequences_never_survive(void **st)
{
    (void)st;
    const char *evil[] = {"\x1b[31mred\x1b[0m", "\x1b]0;pwned\x07", "a\x1b" "c", "\x9b" "31m",
                          "\xc2\x9b" "31m", "\x1bP+q\x1b\\", "\xc0\x9b", NULL};
    for (int i = 0; evil[i]; i++) {
        for (int ascii = 0; ascii < 2; ascii++) {
            san_text(evil[i], -1, ascii, out, sizeof out);
            assert_null(strchr(out, 0x1b));
            assert_null(strstr(out, "\xc2\x9b"));      /* C1 CSI in UTF-8 */
            for (const unsigned char *p = (const unsigned char *)out; *p; p++)
                assert_true(*p >= 0x20 && *p != 0x7f);
        }
    }
    /* ESC and friends become visible control pictures */
    assert_string_equal(S("\x1b[31mred", -1), "\xe2\x90\x9b[31mred");     /* ␛[31mred */
    assert_string_equal(S("a\x01" "b\x7f", -1), "a\xe2\x90\x81" "b\xe2\x90\xa1"); /* ␁ ␡ */
    assert_string_equal(A("\x1b[31mred\x7f", -1), "?[31mred?");
    /* C1 controls encoded as UTF-8 become U+FFFD */
    assert_string_equal(S("x\xc2\x85y", -1), "x\xef\xbf\xbdy");
    assert_string_equal(A("x\xc2\x85y", -1), "x?y");
}

static void whitespace_controls_become_one_space_each(void **st)
{
    (void)st;
    assert_string_equal(S("a\tb\nc\r\nd", -1), "a b c  d");
    assert_string_equal(A("a\tb\nc", -1), "a b c");
    assert_string_equal(S("x\xe2\x80\xa8y", -1), "x y");   /* U+2028 line separator */
}

static void bad_bytes_become_replacement_characters(void **st)
{
    (void)st;
    /* one U+FFFD per maximal ill-formed subpart */
    const char *fffd = "\xef\xbf\xbd";
    char want[64];
    assert_string_equal(S("a\xff" "b", -1), "a\xef\xbf\xbd" "b");          /* invalid byte */
    assert_string_equal(S("a\x80" "b", -1), "a\xef\xbf\xbd" "b");          /* lone continuation */
    assert_string_equal(S("\xc0\xaf", -1), "\xef\xbf\xbd\xef\xbf\xbd");   /* overlong '/' */
    assert_string_equal(S("\xe0\x80\xaf", -1),
                        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");          /* overlong 3-byte */
    assert_string_equal(S("\xed\xa0\x80", -1),
                        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");          /* surrogate D800 */
    assert_string_equal(S("\xf4\x90\x80\x80", -1),
                        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* > U+10FFFF */
    snprintf(want, sizeof want, "%sx", fffd);
    assert_string_equal(S("\xe2\x82x", -1), want);          /* truncated sequence: one */
    assert_string_equal(S("\xf0\x9f\x98", -1), fffd);       /* truncated at end of string */
    assert_string_equal(S("\xf0\x9f\x98\x80", -1), "\xf0\x9f\x98\x80");    /* valid U+1F600 */
    assert_string_equal(A("\xff\xc3\xa9", -1), "??");
    assert_int_equal(san_width("\xff\xfe", false), 2);
}

static void bidi_and_zero_width_characters_are_made_visible(void **st)
{
    (void)st;
    /* RLO, LRE..LRO, isolates LRI..PDI, LRM/RLM, ALM: a reordered line cannot hide */
    assert_string_equal(S("ab\xe2\x80\xae" "cd", -1), "ab<U+202E>cd");
    assert_string_equal(S("\xe2\x80\xaa\xe2\x80\xad" "x", -1), "<U+202A><U+202D>x");
    assert_string_equal(S("\xe2\x81\xa6" "a\xe2\x81\xa9", -1), "<U+2066>a<U+2069>");
    assert_string_equal(S("\xe2\x80\x8e" "a\xd8\x9c", -1), "<U+200E>a<U+061C>");
    assert_string_equal(A("ab\xe2\x80\xae" "cd", -1), "ab<U+202E>cd");
    assert_int_equal(san_width("ab\xe2\x80\xae" "cd", false), 12);
    /* two owners that look identical differ visibly: "ann" and "an<ZWSP>n" */
    assert_string_equal(S("an\xe2\x80\x8bn", -1), "an<U+200B>n");
    assert_string_equal(S("\xef\xbb\xbf" "x\xe2\x81\xa0", -1), "<U+FEFF>x<U+2060>");
    /* a placeholder is never cut in half */
    assert_string_equal(S("ab\xe2\x80\x8b" "cdef", 6), "ab\xe2\x80\xa6");
    /* ordinary right-to-left text stays */
    assert_string_equal(S("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", -1), "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
}

static void widths_of_wide_and_combining_characters(void **st)
{
    (void)st;
    assert_int_equal(san_width("\xe4\xb8\xad\xe6\x96\x87", false), 4);     /* 中文 */
    assert_int_equal(san_width("\xed\x95\x9c", false), 2);                 /* 한 */
    assert_int_equal(san_width("\xef\xbc\xa1", false), 2);                 /* fullwidth A */
    assert_int_equal(san_width("\xf0\x9f\x98\x80", false), 2);             /* 😀 */
    assert_int_equal(san_width("\xf0\xa0\x80\x80", false), 2);             /* U+20000 */
    assert_int_equal(san_width("e\xcc\x81", false), 1);                    /* e + acute */
    assert_int_equal(san_width("a\xe2\x80\x8b" "b", false), 10);           /* "a<U+200B>b" */
    assert_int_equal(san_width("\xe4\xb8\xad", true), 1);                  /* '?' in ASCII */
    assert_string_equal(A("\xe4\xb8\xad", -1), "?");
}

/* Issue 9: terminals draw these emoji in two columns; a one-column count misaligned every
 * column after a title holding one. The line editor uses the same width (tui_le.c). */
static void emoji_take_two_columns_like_the_terminal_draws_them(void **st)
{
    (void)st;
    assert_int_equal(san_width("\xE2\x9C\x85", false), 2);          /* U+2705 check mark */
    assert_int_equal(san_width("\xF0\x9F\x9F\xA2", false), 2);      /* U+1F7E2 green circle */
    assert_int_equal(san_width("\xE2\xAD\x90", false), 2);          /* U+2B50 star */
    assert_int_equal(san_width("Ship \xE2\x9C\x85 it", false), 10);
    assert_int_equal(utf8_cp_width(0xE9), 1);                      /* e acute */
    assert_int_equal(utf8_cp_width(0x301), 0);                     /* combining acute */
    assert_int_equal(utf8_cp_width(0xE000), 1);                    /* private use: one box */
    char cut[32];
    assert_int_equal(san_text("\xE2\x9C\x85\xE2\x9C\x85\xE2\x9C\x85", 5, false, cut, sizeof cut), 5);
    assert_string_equal(cut, "\xE2\x9C\x85\xE2\x9C\x85\xE2\x80\xA6");
}

static void cut_by_width_with_an_ellipsis(void **st)
{
    (void)st;
    assert_int_equal(san_text("Onboarding", 6, false, out, sizeof out), 6);
    assert_string_equal(out, "Onboa\xe2\x80\xa6");
    assert_int_equal(san_text("Onboarding", 6, true, out, sizeof out), 6);
    assert_string_equal(out, "Onb...");   /* not "~": that is the ASCII warning mark */
    assert_int_equal(san_text("Onboarding", 2, true, out, sizeof out), 2);
    assert_string_equal(out, "..");
    /* exact fit: no ellipsis */
    assert_int_equal(san_text("Onboarding", 10, false, out, sizeof out), 10);
    assert_string_equal(out, "Onboarding");
    assert_int_equal(san_text("\xe4\xb8\xad\xe6\x96\x87", 4, false, out, sizeof out), 4);
    assert_string_equal(out, "\xe4\xb8\xad\xe6\x96\x87");
    /* width 1 leaves room only for the ellipsis; 0 leaves nothing */
    assert_int_equal(san_text("abc", 1, false, out, sizeof out), 1);
    assert_string_equal(out, "\xe2\x80\xa6");
    assert_int_equal(san_text("abc", 0, false, out, sizeof out), 0);
    assert_string_equal(out, "");
    /* combining marks stay with their base character */
    assert_int_equal(san_text("e\xcc\x81" "abc", 2, false, out, sizeof out), 2);
    assert_string_equal(out, "e\xcc\x81\xe2\x80\xa6");
}

static void wide_character_straddling_the_limit_is_dropped(void **st)
{
    (void)st;
    /* "ab中文" is 6 columns; in 4 columns "ab" + "中" would need 5 with the ellipsis */
    assert_int_equal(san_text("ab\xe4\xb8\xad\xe6\x96\x87", 4, false, out, sizeof out), 3);
    assert_string_equal(out, "ab\xe2\x80\xa6");
    assert_int_equal(san_text("ab\xe4\xb8\xad\xe6\x96\x87", 5, false, out, sizeof out), 5);
    assert_string_equal(out, "ab\xe4\xb8\xad\xe2\x80\xa6");
    assert_int_equal(san_text("\xe4\xb8\xad\xe6\x96\x87", 3, false, out, sizeof out), 3);
    assert_string_equal(out, "\xe4\xb8\xad\xe2\x80\xa6");
    assert_int_equal(san_text("\xe4\xb8\xad\xe6\x96\x87", 2, false, out, sizeof out), 1);
    assert_string_equal(out, "\xe2\x80\xa6");
}

static void small_output_buffers_are_never_overrun(void **st)
{
    (void)st;
    char b[16];
    for (size_t n = 1; n <= 10; n++) {
        memset(b, 'Z', sizeof b);
        int w = san_text("\xe4\xb8\xad\xe6\x96\x87 caf\xc3\xa9 \x1b[0m", -1, false, b, n);
        assert_true(strlen(b) < n);
        for (size_t i = n; i < sizeof b; i++) assert_int_equal(b[i], 'Z');
        assert_true(valid_utf8((const unsigned char *)b));
        assert_int_equal(w, san_width(b, false));
    }
    /* a cut by bytes still ends with the ellipsis when it fits */
    san_text("abcdefghij", -1, false, b, 8);
    assert_string_equal(b, "abcd\xe2\x80\xa6");
    san_text("abcdefghij", -1, true, b, 8);
    assert_string_equal(b, "abcd...");
}

/* Fuzz-like: random bytes (biased towards the tricky ones) at random widths. */
static void random_bytes_always_give_safe_output(void **st)
{
    (void)st;
    static const unsigned char pool[] = {0x1b, 0x07, 0x7f, 0x80, 0x9b, 0xc0, 0xc2, 0xe0, 0xe2,
                                         0xed, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0xbf, 0x8f, 0x90,
                                         0x80, 0x81, 0xae, 0xa6, 0x9c, 0xd8, 'a', ' ', '\t'};
    char in[64], o[48];
    srand(12345);
    for (int iter = 0; iter < 200000; iter++) {
        int len = rand() % 63;
        for (int i = 0; i < len; i++) {
            int r = rand() % 4;
            unsigned char c = r == 0 ? pool[rand() % sizeof pool] : (unsigned char)(rand() % 255 + 1);
            in[i] = (char)c;
        }
        in[len] = '\0';
        int maxw = rand() % 40 - 5;
        bool ascii = rand() % 3 == 0;
        size_t osz = (size_t)(rand() % (int)sizeof o) + 1;
        memset(o, 'Z', sizeof o);
        int w = san_text(in, maxw, ascii, o, osz);
        size_t ol = strlen(o);
        assert_true(ol < osz);
        for (size_t i = osz; i < sizeof o; i++) assert_int_equal(o[i], 'Z');
        assert_true(valid_utf8((const unsigned char *)o));
        for (size_t i = 0; i < ol; i++) {
            unsigned char c = (unsigned char)o[i];
            assert_true(c >= 0x20 && c != 0x7f);
            if (ascii) assert_true(c < 0x80);
        }
        assert_null(strstr(o, "\xe2\x80\xae"));
        assert_null(strstr(o, "\xc2\x9b"));
        if (maxw >= 0) assert_true(w <= maxw);
        assert_int_equal(w, san_width(o, ascii));
        /* with room to spare nothing is lost: the width is that of the whole input */
        assert_int_equal(san_text(in, -1, ascii, out, sizeof out), san_width(in, ascii));
        assert_int_equal(san_width(out, ascii), san_width(in, ascii));
    }
}

LND_TEST_MAIN(cmocka_unit_test(plain_text_passes_unchanged), cmocka_unit_test(escape_sequences_never_survive),
              cmocka_unit_test(whitespace_controls_become_one_space_each),
              cmocka_unit_test(bad_bytes_become_replacement_characters),
              cmocka_unit_test(bidi_and_zero_width_characters_are_made_visible),
              cmocka_unit_test(widths_of_wide_and_combining_characters),
              cmocka_unit_test(emoji_take_two_columns_like_the_terminal_draws_them),
              cmocka_unit_test(cut_by_width_with_an_ellipsis),
              cmocka_unit_test(wide_character_straddling_the_limit_is_dropped),
              cmocka_unit_test(small_output_buffers_are_never_overrun),
              cmocka_unit_test(random_bytes_always_give_safe_output))
