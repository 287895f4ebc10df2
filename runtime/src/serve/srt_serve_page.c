/* srt_serve_page.c - the live page of --serve (GET / and /assets/...): for now a placeholder
** that links to the API; the live page replaces this file and keeps srt_serve_page's
** contract (srt_int.h): a static body and its content type for a path it serves, else 404.
*/
#include <string.h>

#include "srt_int.h"

static const char placeholder[] =
    "<!doctype html>\n"
    "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>sluice</title></head>\n"
    "<body><h1>sluice</h1>\n"
    "<p>This executable serves <a href=\"/api/queries\">/api/queries</a>,\n"
    "<a href=\"/api/tables\">/api/tables</a> and <a href=\"/metrics\">/metrics</a>.</p>\n"
    "</body></html>\n";

int srt_serve_page(const char *path, const char **body, size_t *len, const char **content_type)
{
    if (strcmp(path, "/") != 0 && strcmp(path, "/index.html") != 0)
        return 404;
    *body = placeholder;
    *len = sizeof placeholder - 1;
    *content_type = "text/html; charset=utf-8";
    return 200;
}
