/* srt_serve_page.c - the live page's routes: "/" and "/assets/NAME" looked up in the asset
** table the build generates from runtime/src/serve/assets/ (see srt_serve_page.h).  Only the
** compiled-in names answer; any other path, including one with "..", is 404.
*/
#include <string.h>

#include "serve/srt_serve_page.h"

/* The Content-Type of an asset, by its extension. */
static const char *content_type_of(const char *name)
{
    static const struct {
        const char *ext;
        const char *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

int srt_serve_page(const char *path, const char **body, size_t *len, const char **content_type)
{
    static const char prefix[] = "/assets/";
    size_t n = strcspn(path, "?");
    const char *name;
    size_t name_len;
    if (n == 1 && path[0] == '/') {
        name = "index.html";
        name_len = strlen(name);
    } else if (n > sizeof prefix - 1 && strncmp(path, prefix, sizeof prefix - 1) == 0) {
        name = path + sizeof prefix - 1;
        name_len = n - (sizeof prefix - 1);
    } else {
        return 404;
    }
    for (size_t i = 0; i < srt_serve_assets_count; i++) {
        const SrtServeAsset *a = &srt_serve_assets[i];
        if (strlen(a->name) == name_len && memcmp(a->name, name, name_len) == 0) {
            *body = (const char *)a->data;
            *len = a->len;
            *content_type = content_type_of(a->name);
            return 200;
        }
    }
    return 404;
}
