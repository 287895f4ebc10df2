/* driver_sql.c - `sluice sql`: a batch query over the memory tables of a running executable.
**
** The server (`--serve`, the contract in docs/operations.md) lists its memory tables with
** their Spark column types (GET /api/tables) and gives each table's rows as Spark's JSON
** writer writes them (GET /api/tables/NAME?format=jsonl).  This file fetches the list, writes
** the rows of the tables the query names into a private temporary directory, and compiles
**
**     CREATE TABLE `name` (`col` type, ...) WITH (connector = 'files', path = 't0', format = 'json');
**     ... one per table ...
**     <the user's query>;
**
** with the ordinary front end, sema and plan, so every function means what it means in the
** streaming query.  Diagnostics inside the user's query are reported against the query text
** alone (Diag.embed).  The table paths are relative and the executable runs in the temporary
** directory, so the script text -- and the run cache key -- depends only on the query and the
** schemas: asking again is a cache hit, not a rebuild.  HTTP is libcurl, loaded with dlopen
** here only: the other commands never pay for loading it and its libraries (about 8 ms).
*/
#define _GNU_SOURCE
#include "driver.h"

#include "base/strbuf.h"
#include "common/cm_json_lex.h"
#include "front/parse.h"
#include "sema/sema.h"

#include <curl/curl.h>
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* A memory table as GET /api/tables describes it. */
typedef struct SqlTable {
    const char *name;
    const char **col_names, **col_types;
    int n_cols;
    int wanted;   /* the query names it: fetch its rows */
} SqlTable;

typedef struct SqlConn {
    Arena *arena;
    Diag *diag;
    CURL *curl;
    const char *base;  /* http://HOST:PORT */
    struct curl_slist *headers;
} SqlConn;

/* The libcurl functions used, found with dlsym (load_curl). */
static struct {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_global_cleanup) *global_cleanup;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_easy_perform) *easy_perform;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_easy_escape) *easy_escape;
    __typeof__(curl_free) *free;
    __typeof__(curl_slist_append) *slist_append;
    __typeof__(curl_slist_free_all) *slist_free_all;
} K;

static int load_curl(Diag *diag)
{
    void *so = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!so)
        so = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!so) {
        diag_fatal(diag, "sluice sql needs libcurl (Debian: libcurl4): %s", dlerror());
        return -1;
    }
#define SYM(f)                                                                                   \
    if (!(*(void **)&K.f = dlsym(so, "curl_" #f))) {                                             \
        diag_fatal(diag, "sluice sql: libcurl lacks curl_" #f);                                  \
        return -1;                                                                               \
    }
    SYM(global_init)
    SYM(global_cleanup)
    SYM(easy_init)
    SYM(easy_cleanup)
    SYM(easy_setopt)
    SYM(easy_getinfo)
    SYM(easy_perform)
    SYM(easy_strerror)
    SYM(easy_escape)
    SYM(free)
    SYM(slist_append)
    SYM(slist_free_all)
#undef SYM
    return 0;
}

/* ==== JSON (just what the table list and error bodies need) ==== */

static const char *json_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/* The string at *pp (at its opening quote), decoded into the arena; NULL if malformed. */
static const char *json_string(Arena *arena, const char **pp, const char *end)
{
    const char *p = json_ws(*pp, end);
    if (p >= end || *p != '"')
        return NULL;
    const char *s = ++p;
    bool esc;
    if (!(p = cm_json_string_end(p, end, '"', &esc)))
        return NULL;
    char *out = arena_alloc(arena, (size_t)(p - s) + 1);
    out[cm_json_unescape(s, (size_t)(p - s), out)] = '\0';
    *pp = p + 1;
    return out;
}

/* Skip the value at *pp (any JSON value); 0 or -1 if malformed. */
static int json_skip(const char **pp, const char *end)
{
    const char *p = json_ws(*pp, end);
    int depth = 0;
    do {
        if (p >= end)
            return -1;
        if (*p == '"') {
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\')
                    p++;
            if (p >= end)
                return -1;
            p++;
        } else if (*p == '[' || *p == '{') {
            depth++;
            p++;
        } else if (*p == ']' || *p == '}') {
            depth--;
            p++;
        } else {
            while (p < end && !cm_json_delim(*p) && *p != ':')
                p++;
        }
        p = json_ws(p, end);
        while (depth > 0 && p < end && (*p == ',' || *p == ':'))
            p = json_ws(p + 1, end);
    } while (depth > 0);
    *pp = p;
    return 0;
}

/* Whether *pp is at c (after white space); moves past it if so. */
static int json_eat(const char **pp, const char *end, char c)
{
    const char *p = json_ws(*pp, end);
    if (p < end && *p == c) {
        *pp = p + 1;
        return 1;
    }
    return 0;
}

/* The members of the object at *pp: calls member(key) with *pp at the value, which must
   consume it.  0 or -1 if malformed. */
typedef int (*JsonMember)(void *ctx, const char *key, const char **pp, const char *end);

static int json_object(Arena *arena, const char **pp, const char *end, JsonMember member, void *ctx)
{
    if (!json_eat(pp, end, '{'))
        return -1;
    if (json_eat(pp, end, '}'))
        return 0;
    do {
        const char *key = json_string(arena, pp, end);
        if (!key || !json_eat(pp, end, ':') || member(ctx, key, pp, end) != 0)
            return -1;
    } while (json_eat(pp, end, ','));
    return json_eat(pp, end, '}') ? 0 : -1;
}

typedef struct TableCtx {
    Arena *arena;
    SqlTable *t;
    const char *col_name, *col_type;
} TableCtx;

static int column_member(void *vctx, const char *key, const char **pp, const char *end)
{
    TableCtx *c = vctx;
    if (strcmp(key, "name") == 0)
        return (c->col_name = json_string(c->arena, pp, end)) ? 0 : -1;
    if (strcmp(key, "type") == 0)
        return (c->col_type = json_string(c->arena, pp, end)) ? 0 : -1;
    return json_skip(pp, end);
}

static int table_member(void *vctx, const char *key, const char **pp, const char *end)
{
    TableCtx *c = vctx;
    if (strcmp(key, "name") == 0)
        return (c->t->name = json_string(c->arena, pp, end)) ? 0 : -1;
    if (strcmp(key, "columns") != 0)
        return json_skip(pp, end);
    if (!json_eat(pp, end, '['))
        return -1;
    if (json_eat(pp, end, ']'))
        return 0;
    PtrVec names = {0}, types = {0};
    do {
        c->col_name = c->col_type = NULL;
        if (json_object(c->arena, pp, end, column_member, c) != 0 || !c->col_name || !c->col_type)
            return -1;
        ptrvec_push(c->arena, &names, (void *)c->col_name);
        ptrvec_push(c->arena, &types, (void *)c->col_type);
    } while (json_eat(pp, end, ','));
    c->t->col_names = (const char **)names.items;
    c->t->col_types = (const char **)types.items;
    c->t->n_cols = names.n;
    return json_eat(pp, end, ']') ? 0 : -1;
}

/* GET /api/tables: the table list; -1 if malformed. */
static int parse_tables(Arena *arena, const char *text, size_t len, SqlTable **out, int *n_out)
{
    const char *p = text, *end = text + len;
    PtrVec tables = {0};
    if (!json_eat(&p, end, '['))
        return -1;
    if (!json_eat(&p, end, ']')) {
        do {
            TableCtx c = {arena, ARENA_NEW(arena, SqlTable), NULL, NULL};
            if (json_object(arena, &p, end, table_member, &c) != 0 || !c.t->name)
                return -1;
            ptrvec_push(arena, &tables, c.t);
        } while (json_eat(&p, end, ','));
        if (!json_eat(&p, end, ']'))
            return -1;
    }
    *out = ARENA_NEW_N(arena, SqlTable, tables.n ? tables.n : 1);
    for (int i = 0; i < tables.n; i++)
        (*out)[i] = *(SqlTable *)tables.items[i];
    *n_out = tables.n;
    return 0;
}

typedef struct ErrCtx {
    Arena *arena;
    const char *message;
} ErrCtx;

static int error_member(void *vctx, const char *key, const char **pp, const char *end)
{
    ErrCtx *c = vctx;
    if (strcmp(key, "error") == 0)
        return (c->message = json_string(c->arena, pp, end)) ? 0 : -1;
    return json_skip(pp, end);
}

/* ==== HTTP ==== */

/* Where a response body goes: the file out (or the buffer sb) when the status is 200, the
   buffer err otherwise (for the server's {"error": ...} message). */
typedef struct Sink {
    CURL *curl;
    FILE *out;
    StrBuf *sb, *err;
} Sink;

static size_t write_body(char *data, size_t size, size_t n, void *vsink)
{
    Sink *k = vsink;
    long status = 0;
    K.easy_getinfo(k->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200)
        sb_putn(k->err, data, size * n);
    else if (k->out)
        return fwrite(data, size, n, k->out) * size;
    else
        sb_putn(k->sb, data, size * n);
    return size * n;
}

/* GET base+path into sb, or into the file out when not NULL; 0, or -1 after a diagnostic:
   the server cannot be reached, or answers with a status other than 200 (reported with its
   {"error": ...} message). */
static int http_get(SqlConn *c, const char *path, StrBuf *sb, FILE *out)
{
    const char *url = arena_sprintf(c->arena, "%s%s", c->base, path);
    StrBuf err;
    sb_init(&err, c->arena);
    Sink sink = {c->curl, out, sb, &err};
    K.easy_setopt(c->curl, CURLOPT_URL, url);
    K.easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, write_body);
    K.easy_setopt(c->curl, CURLOPT_WRITEDATA, &sink);
    CURLcode rc = K.easy_perform(c->curl);
    long status = 0;
    K.easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
    if (rc != CURLE_OK && status == 0) {
        diag_fatal(c->diag, "cannot reach the sluice server at %s: %s (is the executable running with "
                            "--serve?)", c->base, K.easy_strerror(rc));
        return -1;
    }
    if (rc != CURLE_OK && status == 200) {
        diag_fatal(c->diag, "%s: %s", url, rc == CURLE_WRITE_ERROR && out ? strerror(errno)
                                                                          : K.easy_strerror(rc));
        return -1;
    }
    if (status == 200)
        return 0;
    ErrCtx ec = {c->arena, NULL};
    const char *p = err.data ? err.data : "";
    if (json_object(c->arena, &p, p + err.len, error_member, &ec) != 0)
        ec.message = NULL;
    const char *hint = status == 401 ? "; pass the executable's --serve-token as --token or SLUICE_TOKEN"
                                     : "";
    diag_fatal(c->diag, "%s: HTTP %ld%s%s%s", url, status, ec.message ? ": " : "",
               ec.message ? ec.message : "", hint);
    return -1;
}

/* ==== The generated script ==== */

static void mark_from(SqlTable *tables, int n, const AstFrom *f);

static void mark_select(SqlTable *tables, int n, const AstSelect *s)
{
    if (s && s->from)
        mark_from(tables, n, s->from);
}

/* Mark the tables the FROM tree f names (names match case-insensitively, as Spark's). */
static void mark_from(SqlTable *tables, int n, const AstFrom *f)
{
    switch (f->kind) {
    case FROM_NAME:
        for (int i = 0; i < n; i++)
            if (f->name && strcasecmp(tables[i].name, f->name) == 0)
                tables[i].wanted = 1;
        break;
    case FROM_SUBQUERY:
        if (f->n_branches == 0)
            mark_select(tables, n, f->sub);
        for (int b = 0; b < f->n_branches; b++)
            mark_select(tables, n, f->branches[b]);
        break;
    case FROM_JOIN:
        mark_from(tables, n, f->join->left);
        mark_from(tables, n, f->join->right);
        break;
    }
}

/* The query text given on the command line, or standard input for "-". */
static const char *query_text(Arena *arena, const char *arg)
{
    if (strcmp(arg, "-") != 0)
        return arg;
    StrBuf sb;
    sb_init(&sb, arena);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
        sb_putn(&sb, buf, n);
    return sb.data ? sb.data : "";
}

/* Whether the text ends with ';' (white space after it aside). */
static int ends_with_semicolon(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n > 0 && s[n - 1] == ';';
}

/* rm -r of the temporary directory (files and directories it made; no symbolic links). */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            size_t n = strlen(dir) + strlen(e->d_name) + 2;
            char *path = malloc(n);
            if (!path)
                break;
            snprintf(path, n, "%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(path);
            else
                unlink(path);
            free(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* Fetch the rows of every wanted table into dir/tN/rows.json; the rows' bytes, or -1. */
static long fetch_rows(SqlConn *c, SqlTable *tables, int n, const char *dir)
{
    long bytes = 0;
    for (int i = 0; i < n; i++) {
        const char *sub = arena_sprintf(c->arena, "%s/t%d", dir, i);
        if (mkdir(sub, 0700) != 0) {
            diag_fatal(c->diag, "cannot create '%s': %s", sub, strerror(errno));
            return -1;
        }
        if (!tables[i].wanted)
            continue;
        const char *file = arena_sprintf(c->arena, "%s/rows.json", sub);
        FILE *out = fopen(file, "wb");
        if (!out) {
            diag_fatal(c->diag, "cannot write '%s': %s", file, strerror(errno));
            return -1;
        }
        char *esc = K.easy_escape(c->curl, tables[i].name, 0);
        int got = http_get(c, arena_sprintf(c->arena, "/api/tables/%s?format=jsonl", esc), NULL, out);
        K.free(esc);
        bytes += ftell(out);
        if (fclose(out) != 0 && got == 0) {
            diag_fatal(c->diag, "cannot write '%s': %s", file, strerror(errno));
            return -1;
        }
        if (got != 0)
            return -1;
    }
    return bytes;
}

/* Compile the script, build (or find) it in the run cache, run it in dir: its exit status. */
static int compile_and_run(Arena *arena, Diag *diag, const SrcFile *file, int n_tables,
                           const DriverOpts *opts, const char *dir, double *t_compile, double *t_run)
{
    double t0 = driver_now_ms();
    AstScript *script = parse_script(arena, diag, file);
    if (!script || diag_errors(diag))
        return 1;
    /* One SELECT: a second statement, or one of another kind, is refused where it starts. */
    for (int i = n_tables; i < script->n_stmts; i++)
        if (i > n_tables || script->stmts[i]->kind != STMT_SELECT) {
            diag_error(diag, script->stmts[i]->span, "sluice sql runs one SELECT query");
            return 1;
        }
    if (script->n_stmts == n_tables) {
        diag_fatal(diag, "sluice sql runs one SELECT query; none was given");
        return 1;
    }
    SProgram *prog = sema_check(arena, diag, script);
    if (!prog || diag_errors(diag))
        return 1;
    PProgram *plan = plan_build(arena, diag, prog);
    if (!plan || diag_errors(diag))
        return 1;
    /* Cached as sql-<hash of the script>: opts->input is the query, not a file name. */
    DriverOpts o = *opts;
    o.input = "sql";
    const char *exe;
    int fd = driver_cached_exe(arena, diag, plan, &o, &exe);
    double t1 = driver_now_ms();
    *t_compile = t1 - t0;
    if (fd < 0)
        return 1;
    fflush(NULL);
    /* ^C reaches the query too (one process group): outlive it to remove the rows. */
    void (*old_int)(int) = signal(SIGINT, SIG_IGN);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {(char *)exe, NULL};
        signal(SIGINT, old_int);
        if (chdir(dir) == 0)
            fexecve(fd, argv, environ);
        fprintf(stderr, "sluice: cannot run '%s': %s\n", exe, strerror(errno));
        _exit(127);
    }
    close(fd);
    int status;
    pid_t w = pid;
    if (pid < 0)
        diag_fatal(diag, "cannot run '%s': %s", exe, strerror(errno));
    else
        while ((w = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
            ;
    signal(SIGINT, old_int);
    if (w < 0)
        return 1;
    *t_run = driver_now_ms() - t1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int driver_sql(Arena *arena, Diag *diag, DriverOpts *opts)
{
    const char *query = query_text(arena, opts->input);
    SrcFile *qfile = srcfile_from_text(arena, "<query>", query, strlen(query));
    const char *connect = opts->connect ? opts->connect : "127.0.0.1:4040";
    const char *token = opts->token ? opts->token : getenv("SLUICE_TOKEN");
    double t0 = driver_now_ms();
    if (load_curl(diag) != 0)
        return 1;
    if (K.global_init(CURL_GLOBAL_DEFAULT) != 0) {
        diag_fatal(diag, "cannot initialise libcurl");
        return 1;
    }
    SqlConn c = {arena, diag, K.easy_init(), NULL, NULL};
    c.base = strncmp(connect, "http://", 7) == 0 || strncmp(connect, "https://", 8) == 0
                 ? connect : arena_sprintf(arena, "http://%s", connect);
    if (token && *token)
        c.headers = K.slist_append(NULL, arena_sprintf(arena, "Authorization: Bearer %s", token));
    K.easy_setopt(c.curl, CURLOPT_HTTPHEADER, c.headers);
    K.easy_setopt(c.curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    K.easy_setopt(c.curl, CURLOPT_NOSIGNAL, 1L);
    K.easy_setopt(c.curl, CURLOPT_USERAGENT, "sluice-sql");
    int rc = 1;
    char *dir = NULL;
    StrBuf list;
    sb_init(&list, arena);
    SqlTable *tables = NULL;
    int n_tables = 0;
    if (http_get(&c, "/api/tables", &list, NULL) != 0)
        goto done;
    if (parse_tables(arena, list.data ? list.data : "", list.len, &tables, &n_tables) != 0) {
        diag_fatal(diag, "%s/api/tables: not the table list this sluice expects", c.base);
        goto done;
    }
    if (n_tables == 0) {
        diag_fatal(diag, "the executable at %s has no memory tables (a query writes one: INSERT INTO a "
                         "sink WITH (connector = 'memory'))", c.base);
        goto done;
    }
    /* The script: a CREATE TABLE per table, then the query, reported as its own file. */
    StrBuf sb;
    sb_init(&sb, arena);
    for (int i = 0; i < n_tables; i++) {
        sb_puts(&sb, "CREATE TABLE ");
        sb_put_backquoted(&sb, tables[i].name);
        sb_puts(&sb, " (");
        for (int k = 0; k < tables[i].n_cols; k++) {
            sb_puts(&sb, k ? ", " : "");
            sb_put_backquoted(&sb, tables[i].col_names[k]);
            sb_printf(&sb, " %s", tables[i].col_types[k]);
        }
        sb_printf(&sb, ") WITH (connector = 'files', path = 't%d', format = 'json');\n", i);
    }
    uint32_t at = (uint32_t)sb.len;
    sb_puts(&sb, query);
    if (!ends_with_semicolon(query))
        sb_puts(&sb, ";");
    SrcFile *file = srcfile_from_text(arena, arena_sprintf(arena, "<tables of %s>", c.base), sb.data, sb.len);
    diag->file = file;
    diag->embed = qfile;
    diag->embed_at = at;
    /* Parse once to learn which tables the query reads (compile_and_run parses again: cheap). */
    Diag quiet = *diag;
    quiet.out = fopen("/dev/null", "w");
    AstScript *script = quiet.out ? parse_script(arena, &quiet, file) : NULL;
    if (quiet.out)
        fclose(quiet.out);
    if (script && !diag_errors(&quiet))
        for (int i = n_tables; i < script->n_stmts; i++)
            if (script->stmts[i]->query)
                mark_select(tables, n_tables, script->stmts[i]->query);
    const char *tmp = getenv("TMPDIR");
    dir = arena_sprintf(arena, "%s/sluice-sql-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        diag_fatal(diag, "cannot create a temporary directory in '%s': %s", tmp && *tmp ? tmp : "/tmp",
                   strerror(errno));
        dir = NULL;
        goto done;
    }
    long bytes = fetch_rows(&c, tables, n_tables, dir);
    if (bytes < 0)
        goto done;
    double t1 = driver_now_ms(), t_compile = 0, t_run = 0;
    /* The files source resolves its relative path against the working directory, at compile
       time as at run time. */
    char *cwd = getcwd(NULL, 0);
    if (!cwd || chdir(dir) != 0) {
        diag_fatal(diag, "cannot enter '%s': %s", dir, strerror(errno));
        free(cwd);
        goto done;
    }
    rc = compile_and_run(arena, diag, file, n_tables, opts, dir, &t_compile, &t_run);
    if (chdir(cwd) != 0)
        diag_fatal(diag, "cannot return to '%s': %s", cwd, strerror(errno));
    free(cwd);
    if (opts->time_phases)
        fprintf(stderr, "sluice: fetch %.1f ms (%ld bytes), compile %.1f ms, run %.1f ms\n", t1 - t0,
                bytes, t_compile, t_run);
done:
    if (dir)
        remove_tree(dir);
    K.slist_free_all(c.headers);
    K.easy_cleanup(c.curl);
    K.global_cleanup();
    return rc;
}
