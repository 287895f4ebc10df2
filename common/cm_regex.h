/* cm_regex.h - Java (java.util.regex) patterns run by PCRE2: the one place where the
** compiler validates a constant pattern and the runtime compiles and matches it.
**
** Both engines are backtracking and leftmost-first, so alternation, lazy quantifiers,
** lookaround and back references give Java's answers.  Where the two dialects read
** the same text differently, cm_regex_compile rewrites it to Java's meaning (see
** cm_regex.c) or refuses it with a reason; it never runs a pattern with another meaning.
** A compiled pattern is not shared between threads (it owns its match data).
*/
#ifndef CM_REGEX_H
#define CM_REGEX_H

#include <stdbool.h>
#include <stddef.h>

typedef struct CmRegex CmRegex;

/* Compile a Java pattern of n bytes (UTF-8).  NULL with the reason in err (Java's wording
   where Java has one, "... near index I" with I the code unit index in the pattern) when
   Java would refuse it or sluice cannot give Java's meaning.  Free with cm_regex_free.
   Matching uses PCRE2's interpreter: its JIT (10.42) with PCRE2_MATCH_INVALID_UTF, which
   subjects that are not valid UTF-8 need, misses non-ASCII characters for \W and \S. */
CmRegex *cm_regex_compile(const char *pat, size_t n, char *err, size_t err_n);
void cm_regex_free(CmRegex *re);

/* Capturing groups as Java counts them (Matcher.groupCount). */
int cm_regex_groups(const CmRegex *re);

/* The first match in s[0, n) that starts at or after from (a byte offset at a code point
   boundary; s need not be NUL-terminated).  The text before s is not seen: s[0] is the
   start of input for ^, \A, \b and lookbehind, as for a Matcher whose region starts
   there.  1: matched, ov[2 g], ov[2 g + 1] are group g's byte offsets (CM_REGEX_UNSET
   when the group did not take part; g = 0 is the whole match); 0: no match; -1: the
   match could not finish (backtracking limit), the reason in err. */
#define CM_REGEX_UNSET ((size_t)-1)
int cm_regex_find(CmRegex *re, const char *s, size_t n, size_t from, const size_t **ov,
                  char *err, size_t err_n);

/* Java's Matcher.appendReplacement expansion of replacement rep (n bytes) for a match
   of re in s with offsets ov: $g, ${name} and \c as Java reads them.  Appends the pieces
   with put(ctx, bytes, len).  ov NULL only checks rep (the errors Java raises whatever the
   match, so the compiler can report them for constant arguments).  0, or -1 with Java's
   message in err ("Illegal group reference", "No group 3", ...). */
typedef void (*CmRegexPut)(void *ctx, const char *p, size_t n);
int cm_regex_expand(const CmRegex *re, const char *rep, size_t n, const char *s,
                    const size_t *ov, CmRegexPut put, void *ctx, char *err, size_t err_n);

#endif
