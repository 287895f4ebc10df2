/* srt_serve_page.h - the live page of `--serve`: GET / and GET /assets/NAME answered from the
** files of runtime/src/serve/assets/, which the build compiles into the runtime
** (runtime/serve_assets.cmake writes srt_serve_assets.c into the build directory).
** Nothing here allocates or touches the network; the HTTP server calls srt_serve_page.
*/
#ifndef SRT_SERVE_PAGE_H
#define SRT_SERVE_PAGE_H

#include <stddef.h>

/* One compiled-in asset: its file name under assets/ and its bytes (static, not NUL-counted). */
typedef struct SrtServeAsset {
    const char *name;
    const unsigned char *data;
    size_t len;
} SrtServeAsset;

/* The generated table (srt_serve_assets.c in the build directory), sorted by name. */
extern const SrtServeAsset srt_serve_assets[];
extern const size_t srt_serve_assets_count;

/* Answer GET PATH for the page: "/" is assets/index.html, "/assets/NAME" is assets/NAME (a
** query string after '?' is ignored).  Returns 200 and sets *body, *len and *content_type to
** static storage (never freed), or returns 404 and leaves them untouched. */
int srt_serve_page(const char *path, const char **body, size_t *len, const char **content_type);

#endif
