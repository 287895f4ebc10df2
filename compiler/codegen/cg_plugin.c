/* cg_plugin.c - the one symbol libsluice-codegen.so exports: the driver's door into codegen (cg.h). */
#include "codegen/cg.h"

static unsigned long long module_stamp(void)
{
    return cg_stamp();
}

extern const CgPlugin sl_codegen_plugin;

const CgPlugin sl_codegen_plugin = {
    .stamp = module_stamp,
    .compile = cg_compile,
};
