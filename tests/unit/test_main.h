/* SPDX-License-Identifier: MIT */
/* tests/unit/test_main.h — the main of a unit-test file: LND_TEST_MAIN(cmocka_unit_test(a), ...)
 * runs the tests named, in order, as one cmocka group without setup or teardown. */
#ifndef LND_TEST_MAIN_H
#define LND_TEST_MAIN_H

#define LND_TEST_MAIN(...)                                     \
    int main(void)                                             \
    {                                                          \
        const struct CMUnitTest tests_[] = {__VA_ARGS__};      \
        return cmocka_run_group_tests(tests_, NULL, NULL);     \
    }

#endif
