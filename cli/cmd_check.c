/* cli/cmd_check.c — `lnd check`: alignment health findings. INTERIM: the rules land with
 * core/health.c; until then this reports that checks are unavailable. */
#include "cli.h"

size_t cli_health_lines(const cli_ctx *ctx, const lnd_plan *p, lnd_arena *a, const char ***out)
{
    (void)ctx; (void)p; (void)a;
    *out = NULL;
    return 0;
}

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx; (void)argc; (void)argv;
    return cli_fail(EX_SOFTWARE_, "check: health rules are not built yet");
}
