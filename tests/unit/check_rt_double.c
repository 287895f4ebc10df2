/* check_rt_double.c - srt_fmt_double/srt_fmt_float against Java 17's Double.toString and
** Float.toString (jdk.internal.math.FloatingDecimal, the algorithm of Java 8-18 that Spark 3.5
** runs on), including the values where it prints more digits than the shortest.
*/
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

static double bits_d(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static float bits_f(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

/* Values named by what they show; the reasoning follows FloatingDecimal.dtoa. */
static const struct {
    double v;
    const char *out;
} named_doubles[] = {
    /* 2^62 is an integer below 2^63 (developLongDigits): 62 - 53 - 1 = 8 bits below the
       precision, insignificantDigitsForPow2(8) = 2 digits dropped with rounding (..7904 ->
       ..79|04 -> ..79), the other 17 digits printed: not the shortest 4.611686018427388E18. */
    {4611686018427387904.0, "4.6116860184273879E18"},
    /* 2^63 is past the long case: big-integer digits, which stop at the shortest here. */
    {9223372036854775808.0, "9.223372036854776E18"},
    /* The double nearest 1e23 lies exactly half an ulp (2^23) below it; the stopping test
       "remainder < half-ulp" is strict, so 1.0E23 is not accepted (JDK 19 prints 1.0E23). */
    {1.0E23, "9.999999999999999E22"},
    {2.0E23, "1.9999999999999998E23"},
    {8.41E21, "8.409999999999999E21"},
    /* E-form values get a second digit before the stopping test: 4.9E-324, not 5.0E-324
       (nor the shortest 5E-324 of JDK 19). */
    {4.9E-324, "4.9E-324"},
    {5.0E-324 * 2, "1.0E-323"},
    {2.225073858507201E-308, "2.225073858507201E-308"},
    {2.2250738585072014E-308, "2.2250738585072014E-308"},
    {1.7976931348623157E308, "1.7976931348623157E308"},
    /* 2^1023: below a power of two the margin is halved, so more digits are needed. */
    {8.98846567431158E307, "8.98846567431158E307"},
    {0.1 + 0.2, "0.30000000000000004"},
    {0.3, "0.3"},
    {0.1, "0.1"},
    {123.456, "123.456"},
    /* Layout: plain for decimal exponents 1..7 and -2..0 (1e-3 <= |v| < 1e7), else E-form. */
    {1.0E7, "1.0E7"},
    {9999999.999999998, "9999999.999999998"},
    {9999999.0, "9999999.0"},
    {1234567.0, "1234567.0"},
    {12345678.9, "1.23456789E7"},
    {0.001, "0.001"},
    {0.002, "0.002"},
    {9.999999999999998E-4, "9.999999999999998E-4"},
    {1.0E-4, "1.0E-4"},
    {5.0E-4, "5.0E-4"},
    {0.00123, "0.00123"},
    {100.0, "100.0"},
    {1.0E10, "1.0E10"},
    {1.0E16, "1.0E16"},
    {1.0E22, "1.0E22"},
    {9007199254740993.0, "9.007199254740992E15"},
    {9.5367431640625E-7, "9.5367431640625E-7"},
    {-1.5E-10, "-1.5E-10"},
    {-0.0, "-0.0"},
    {0.0, "0.0"},
    {NAN, "NaN"},
    {INFINITY, "Infinity"},
    {-INFINITY, "-Infinity"},
};

/* Bit patterns and Java 17's Double.toString of them (random values of all magnitudes). */
static const struct {
    uint64_t bits;
    const char *out;
} java_doubles[] = {
    /* Java 17 prints more digits than the shortest (JDK 19+) for these. */
    {0x43b0000000000007ull, "1.15292150460684877E18"},
    {0xc3dfffffffffffffull, "-9.2233720368547748E18"},
    {0x43affffffffffff2ull, "1.15292150460684518E18"},
    {0x4390000000000006ull, "2.8823037615171213E17"},
    {0x437fffffffffff91ull, "1.44115188075854096E17"},
    {0x438000000000000full, "1.44115188075856352E17"},
    {0x43954f9d9a888da4ull, "3.8390482124953421E17"},
    {0x438b3690adec2ec2ull, "2.45114220554082368E17"},
    {0x43500000000000c0ull, "1.8014398509482752E16"},
    {0x43a0000000000007ull, "5.7646075230342438E17"},
    {0x43bffffffffffffdull, "2.30584300921369318E18"},
    {0x43b0000000000007ull, "1.15292150460684877E18"},
    {0x43dfffffffffffffull, "9.2233720368547748E18"},
    {0x436fffffffffffc6ull, "7.2057594037927472E16"},
    {0x43a0000000000007ull, "5.7646075230342438E17"},
    {0x43d0000000000001ull, "4.6116860184273889E18"},
    {0xc3dfffffffffffffull, "-9.2233720368547748E18"},
    {0x43572cb2cf4b8c1eull, "2.6092283831922808E16"},
    {0x436000000000008full, "3.6028797018965112E16"},
    {0x43addfbce2f4113eull, "1.07632341492489395E18"},
    {0xcull, "5.9E-323"},
    {0x3900000000000000ull, "3.8518598887744717E-34"},
    {0x4438668466b8664cull, "4.5010899999999997E20"},
    {0x44362d31e01324acull, "4.0908499999999997E20"},
    {0x3680000000000000ull, "3.5032461608120427E-46"},
    {0x38f0000000000000ull, "1.9259299443872359E-34"},
    {0x5570000000000000ull, "3.5835915874844867E103"},
    {0xf50000000000000ull, "6.2901843453097005E-235"},
    {0x1f80000000000000ull, "5.8268286962501615E-157"},
    {0x2900000000000000ull, "3.3265311250063677E-111"},
    {0x444110bdd19ce1beull, "6.296019999999999E20"},
    {0x1340000000000000ull, "5.8016710397191157E-216"},
    {0xcull, "5.9E-323"},
    {0x1c90000000000000ull, "4.1402108026390476E-171"},
    {0x6e40000000000000ull, "1.1567161174868859E223"},
    {0x4900000000000000ull, "4.4601490397061246E43"},
    {0x4c20000000000000ull, "5.0216813883093446E58"},
    {0xc5327ea9fe53e94dull, "-2.2358818755901182E25"},
    {0x17d0000000000000ull, "5.4795233725210076E-194"},
    {0x61e0000000000000ull, "2.8793048285076457E163"},
    {0x4950000000000000ull, "1.4272476927059599E45"},
    {0x80ull, "6.32E-322"},
    {0x6a70000000000000ull, "5.0164565101131187E204"},
    {0x7c90000000000000ull, "9.979201547673599E291"},
    {0xd40000000000000ull, "7.3227383490997605E-245"},
    {0x47f0000000000000ull, "3.4028236692093846E38"},
    {0x800ull, "1.0118E-320"},
    {0x443083373ea4e650ull, "3.0460300000000003E20"},
    {0x10a0000000000000ull, "1.3191472680134929E-228"},
    {0xaull, "4.9E-323"},
    /* ...and the same digits as the shortest for these. */
    {0x413238a100000000ull, "1194145.0"},
    {0x40063f7ced916873ull, "2.781"},
    {0x23e047fbe6271407ull, "7.0E-136"},
    {0x40c3306ccccccccdull, "9824.85"},
    {0x4000000000000000ull, "2.0"},
    {0x42128ae9f5ffffffull, "1.9909999999999996E10"},
    {0xfb3e0ff07267e545ull, "-4.470309291002205E285"},
    {0x2a00000000000001ull, "2.1800754380841737E-106"},
    {0x3f2d9bf2396ddfd7ull, "2.259E-4"},
    {0x41624aa6a0000000ull, "9590069.0"},
    {0x1185ull, "2.216E-320"},
    {0x42259db1fa000001ull, "4.642000000000001E10"},
    {0x71f26648cdd32271ull, "7.668028393489238E240"},
    {0x5cafffffffffffffull, "2.9771314147148055E138"},
    {0x3fbdb22d0e56041aull, "0.11600000000000002"},
    {0x3f3115d1f95c77cfull, "2.6069999999999994E-4"},
    {0x3f758c10d16599ddull, "0.005260530181067283"},
    {0x898c388ccb5c809ull, "3.0000000000000004E-267"},
    {0x3d812da142f8718dull, "1.95294E-12"},
    {0x3ff32f1a9fbe76caull, "1.1990000000000003"},
    {0x16f22bf5476111fcull, "3.798382468339016E-198"},
    {0x3cce465cd5426b23ull, "8.402960000000001E-16"},
    {0x416e32d3c0000000ull, "1.5832734E7"},
    {0x4224f46b04000000ull, "4.5E10"},
    {0x2355eac7aaead912ull, "1.840455301885993E-138"},
    {0x41fb44e560000001ull, "7.320000000000001E9"},
    {0x3f8d1044c2d03708ull, "0.01419118613742"},
    {0x3f3c58255b035bd6ull, "4.3250000000000005E-4"},
    {0x3ff72f1a9fbe76c9ull, "1.449"},
    {0x61538a704d415307ull, "6.868145867462616E160"},
    {0x4007b22d0e56041aull, "2.9620000000000006"},
    {0x3fd8068db8bac712ull, "0.37540000000000007"},
    {0x7473a42019b5a116ull, "9.0E252"},
    {0x40731fffffffffffull, "305.99999999999994"},
    {0x4269c1b187066000ull, "8.84990556211E11"},
    {0x3ef1ac441390f606ull, "1.685420395269E-5"},
    {0x40089db22d0e5604ull, "3.077"},
    {0x43c8cc3201e96773ull, "3.5737162719029427E18"},
    {0x417c9a9000000000ull, "2.9993216E7"},
    {0x54e249ad2594c37eull, "8.000000000000002E100"},
    {0x3f2da6033467e699ull, "2.262E-4"},
    {0x18411487a6c19c26ull, "7.487306162408521E-192"},
    {0x388b202c6207fd91ull, "2.5508864276719247E-36"},
    {0x3fd6027525460aa7ull, "0.34390000000000004"},
    {0x4ccb6863fa236a12ull, "8.808519441380517E61"},
    {0x7cc2099a99493f99ull, "9.0E292"},
    {0x40b9244be44d71f9ull, "6436.29645237"},
    {0xb9f4c3bd9b3cdd53ull, "-1.6380390551059888E-29"},
    {0x423a851ed4f00000ull, "1.13902540016E11"},
    {0x3573a834bc292d11ull, "3.283667627028354E-51"},
    {0x42075b89b8000000ull, "1.254E10"},
    {0x4245c63ef6a40000ull, "1.87040656712E11"},
    {0x3ffee5604189374cull, "1.931"},
    {0x40c12145366a1f59ull, "8770.5407231"},
    {0x41c871c060000000ull, "8.20216E8"},
    {0x3f3f0d25464f5e7bull, "4.7380599999999996E-4"},
    {0x12edull, "2.3937E-320"},
    {0x67af69941ed0de28ull, "2.7991657114106573E191"},
    {0x40b1a60000000000ull, "4518.0"},
    {0x4248a885c5620000ull, "2.1181310842E11"},
};

static const struct {
    float v;
    const char *out;
} named_floats[] = {
    {0.1f, "0.1"},
    {0.3f, "0.3"},
    {1.0E7f, "1.0E7"},
    {16777216.0f, "1.6777216E7"},
    {0.001f, "0.001"},
    {0.002f, "0.002"},
    {1.0E10f, "1.0E10"},
    /* 3e10f is 30000001024: an integer, 34 - 24 - 1 = 9 bits below the precision, so
       insignificantDigitsForPow2(9) = 2 digits dropped (300000010|24), 9 printed. */
    {3.0E10f, "3.0000001E10"},
    {123456.79f, "123456.79"},
    {1.4E-45f, "1.4E-45"},
    {1.0E-44f, "9.8E-45"},
    {1.17549435E-38f, "1.17549435E-38"},
    {3.4028235E38f, "3.4028235E38"},
    {-0.0f, "-0.0"},
    {NAN, "NaN"},
    {-INFINITY, "-Infinity"},
};

static const struct {
    uint32_t bits;
    const char *out;
} java_floats[] = {
    {0x4c79889eu, "6.5413752E7"},  {0x16cab792u, "3.275071E-25"},   {0x3e194b7bu, "0.149702"},
    {0x4cb3d610u, "9.4285952E7"},  {0x4462df0au, "907.485"},        {0xdd33302eu, "-8.0699192E17"},
    {0x65c69f68u, "1.1724614E23"}, {0x667061bu, "4.3450757E-35"},   {0x4c8f1cb8u, "7.5032E7"},
    {0x5e5b98e0u, "3.9559109E18"}, {0x4b3b9448u, "1.2293192E7"},    {0x363b0091u, "2.78655E-6"},
    {0x377f8ff3u, "1.52327E-5"},   {0xe7e570a9u, "-2.1670003E24"},  {0x59dba0b5u, "7.7274649E15"},
    {0x39f0226u, "9.345673E-37"},  {0x40d383cfu, "6.60984"},        {0x6fcfdb73u, "1.2865739E29"},
    {0x2b7738f1u, "8.783105E-13"}, {0x3ac7577eu, "0.001520857"},    {0x729f5130u, "6.311202E30"},
    {0x4c8868d3u, "7.1517848E7"},  {0x4c09ac41u, "3.6090116E7"},    {0x1d92d453u, "3.8865416E-21"},
    {0x3bf7ba61u, "0.00756006"},   {0x47a1684du, "82640.6"},        {0x9779576bu, "-8.0566576E-25"},
    {0x68c89fa4u, "7.579345E24"},  {0x94c7c800u, "-2.0172751E-26"}, {0x9c873121u, "-8.94625E-22"},
    {0x3771966au, "1.439974E-5"},  {0x3a1b3ebeu, "5.92213E-4"},     {0x4c0ce224u, "3.6931728E7"},
    {0xf507a680u, "-1.719573E32"}, {0xd16783cbu, "-6.2146785E10"},  {0x4b779637u, "1.6225847E7"},
    {0x671d3416u, "7.4237235E23"}, {0x2b71b6b7u, "8.587397E-13"},   {0x6adc5ef8u, "1.3320608E26"},
    {0x3affab2du, "0.001950597"},
};

/* One case: the text of fmt, its length n, against Java's. */
static void expect(const char *what, size_t i, const char *got, uint32_t n, const char *want)
{
    ck_assert_msg(n == strlen(want) && strcmp(got, want) == 0, "%s %zu: got '%s' want '%s'", what,
                  i, got, want);
}

START_TEST(test_doubles)
{
    char buf[32];
    for (size_t i = 0; i < sizeof named_doubles / sizeof named_doubles[0]; i++)
        expect("named", i, buf, srt_fmt_double(named_doubles[i].v, buf), named_doubles[i].out);
    for (size_t i = 0; i < sizeof java_doubles / sizeof java_doubles[0]; i++)
        expect("bits", i, buf, srt_fmt_double(bits_d(java_doubles[i].bits), buf),
               java_doubles[i].out);
}
END_TEST

START_TEST(test_floats)
{
    char buf[32];
    for (size_t i = 0; i < sizeof named_floats / sizeof named_floats[0]; i++)
        expect("named", i, buf, srt_fmt_float(named_floats[i].v, buf), named_floats[i].out);
    for (size_t i = 0; i < sizeof java_floats / sizeof java_floats[0]; i++)
        expect("bits", i, buf, srt_fmt_float(bits_f(java_floats[i].bits), buf), java_floats[i].out);
}
END_TEST

/* Every power of two and every float bit pattern step reads back as itself. */
START_TEST(test_roundtrip)
{
    char buf[32];
    for (int k = -1074; k <= 1023; k++) {
        double d = ldexp(1.0, k);
        uint32_t n = srt_fmt_double(d, buf);
        ck_assert(n < 32);
        ck_assert_msg(strtod(buf, NULL) == d, "2^%d: %s", k, buf);
    }
    for (uint32_t b = 1; b < 0x7f800000u; b += 65521) {
        float f = bits_f(b);
        uint32_t n = srt_fmt_float(f, buf);
        ck_assert(n < 32);
        ck_assert_msg(strtof(buf, NULL) == f, "%08x: %s", b, buf);
    }
}
END_TEST

Suite *rt_double_suite(void)
{
    Suite *s = suite_create("rt_double");
    TCase *tc = tcase_create("java");
    tcase_add_test(tc, test_doubles);
    tcase_add_test(tc, test_floats);
    tcase_add_test(tc, test_roundtrip);
    suite_add_tcase(s, tc);
    return s;
}
