/* cg_target.c - the target CPU: a --cpu name is tried on a tiny module before any real work.
**
** LLVM only warns about a CPU name it does not know (and then ignores it), and a
** known CPU that cannot run the host's code (i386 under an x86_64 triple) aborts
** the process with "LLVM ERROR" at emission.  So a named CPU is checked in a child
** process: create the target machine and emit one empty function; its stderr and
** exit status say whether the name is usable.  Anything that still reaches LLVM's
** fatal-error path later is turned into an ordinary diagnostic exit.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <llvm-c/ErrorHandling.h>

#include "codegen/cg_int.h"

/* In the child: a target machine for cpu and one emitted function; exit 0 if it worked. */
static void try_cpu(LLVMTargetRef target, const char *triple, const char *cpu)
{
    LLVMResetFatalErrorHandler();
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, cpu, "", LLVMCodeGenLevelNone,
                                                      LLVMRelocPIC, LLVMCodeModelDefault);
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = LLVMModuleCreateWithNameInContext("cpu", ctx);
    LLVMSetTarget(m, triple);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    LLVMSetModuleDataLayout(m, td);
    LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
    LLVMValueRef fn = LLVMAddFunction(m, "f", LLVMFunctionType(i64, &i64, 1, 0));
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
    LLVMBuildRet(b, LLVMBuildAdd(b, LLVMGetParam(fn, 0), LLVMConstInt(i64, 1, 0), ""));
    char *err = NULL;
    LLVMMemoryBufferRef obj;
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &err, &obj)) {
        fprintf(stderr, "LLVM ERROR: %s\n", err);
        _exit(1);
    }
    _exit(0);
}

/* The first line of LLVM's complaint without its "LLVM ERROR: " prefix, or NULL. */
static const char *llvm_reason(char *out)
{
    char *e = strstr(out, "LLVM ERROR: ");
    if (!e)
        return NULL;
    e += strlen("LLVM ERROR: ");
    e[strcspn(e, "\n")] = '\0';
    return e;
}

int cg_check_cpu(Diag *diag, LLVMTargetRef target, const char *triple, const char *cpu)
{
    int fds[2];
    if (pipe(fds) != 0) {
        diag_fatal(diag, "cannot check --cpu=%s: %s", cpu, strerror(errno));
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        diag_fatal(diag, "cannot check --cpu=%s: %s", cpu, strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDERR_FILENO);
        close(fds[1]);
        try_cpu(target, triple, cpu);
    }
    close(fds[1]);
    char out[4096];
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fds[0], out + n, sizeof out - 1 - n);
        if (r > 0 && (n += (size_t)r) < sizeof out - 1)
            continue;
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || n == sizeof out - 1)
            break;
    }
    out[n] = '\0';
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    /* "help" makes LLVM print its CPU list instead of choosing one. */
    if (!*cpu || strstr(out, "is not a recognized processor") || strstr(out, "Available CPUs")) {
        diag_fatal(diag,
                   "unknown CPU '%s' for the target %s (--cpu takes native or a CPU name "
                   "LLVM knows for this target, such as x86-64)",
                   cpu, triple);
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const char *why = llvm_reason(out);
        diag_fatal(diag, "the CPU '%s' cannot generate code for the target %s%s%s", cpu, triple,
                   why ? ": " : "", why ? why : "");
        return -1;
    }
    return 0;
}

static void fatal_llvm(const char *reason)
{
    fprintf(stderr, "sluice: internal error: LLVM: %s\n", reason);
    fflush(stderr);
    _exit(70);
}

void cg_llvm_init(void)
{
    LLVMInstallFatalErrorHandler(fatal_llvm);
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
}
