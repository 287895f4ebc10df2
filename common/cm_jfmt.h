/* cm_jfmt.h - Java 8-17's Double.toString and Float.toString (cm_jfmt.c): what Spark prints for
** a double or a float, in the compiler's column names and the runtime's output alike. */
#ifndef CM_JFMT_H
#define CM_JFMT_H

#include <stdint.h>

/* v as Java's Double.toString writes it, NUL-terminated into out (at least 32 bytes): its
   length. */
uint32_t cm_fmt_double(double v, char *out);
/* v as Java's Float.toString writes it, as cm_fmt_double. */
uint32_t cm_fmt_float(float v, char *out);

#endif
