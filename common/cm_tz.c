/* cm_tz.c - java.time's ZoneRules over the compiler's zone table (cm_tz.h): the offset at an
** instant and the offset ZonedDateTime.of gives a local date-time.  The steps follow JDK 17's
** java/time/zone/ZoneRules.java (getOffset(Instant), getOffsetInfo, findOffsetInfo,
** findTransitionArray, findYear) so gaps, overlaps and the rule years behave as in Spark.
*/
#include "common/cm_tz.h"

#include "common/cm_time.h"

/* One transition: the instant (UTC seconds) and the offsets before and after it. */
typedef struct {
    int64_t at;
    int32_t before, after;
} TzTrans;

/* The epoch day of a POSIX rule date r[0..3] in year y (RFC 8536 3.3.1, POSIX TZ). */
static int64_t rule_day(const int64_t *r, int64_t y)
{
    int64_t jan1 = cm_days_from_civil(y, 1, 1);
    switch (r[0]) {
    case CM_TZ_JULIAN1: /* Jn: 1..365, February 29 is never counted */
        return jan1 + r[1] - 1 + (cm_is_leap(y) && r[1] >= 60);
    case CM_TZ_JULIAN0: /* n: 0..365 */
        return jan1 + r[1];
    default: { /* Mm.w.d: weekday d of week w (5: the last) of month m */
        int m = (int)r[1];
        int64_t first = cm_days_from_civil(y, m, 1);
        int64_t dow = ((first + 4) % 7 + 7) % 7; /* 1970-01-01 was a Thursday (4) */
        int64_t day = (r[3] - dow + 7) % 7 + (r[2] - 1) * 7;
        while (day >= cm_days_in_month(y, m))
            day -= 7;
        return first + day;
    }
    }
}

/* The rule's two transitions of year y in time order (ZoneRules.findTransitionArray: one
   per ZoneOffsetTransitionRule, the local time read in the offset before the change). */
static void rule_year(const int64_t *z, int64_t y, TzTrans t[2])
{
    int32_t std = (int32_t)z[CM_TZ_STD], dst = (int32_t)z[CM_TZ_DST];
    const int64_t *s = z + CM_TZ_START, *e = z + CM_TZ_END;
    TzTrans on = {rule_day(s, y) * 86400 + s[4] - std, std, dst};
    TzTrans off = {rule_day(e, y) * 86400 + e[4] - dst, dst, std};
    bool on_first = on.at < off.at;
    t[0] = on_first ? on : off;
    t[1] = on_first ? off : on;
}

/* ZoneRules.findYear: the year of UTC second t at offset off. */
static int64_t year_at(int64_t t, int32_t off)
{
    int64_t y;
    int m, d;
    cm_civil_from_days(cm_floordiv(t + off, 86400), &y, &m, &d);
    return y;
}

int32_t cm_tz_offset_at(const int64_t *z, int64_t t)
{
    int64_t n = z[CM_TZ_N];
    const int64_t *at = z + CM_TZ_HEAD, *off = at + n;
    if (z[CM_TZ_RULE] && (n == 0 || t > at[n - 1])) {
        TzTrans tr[2];
        rule_year(z, year_at(t, (int32_t)off[n]), tr);
        for (int i = 0; i < 2; i++)
            if (t < tr[i].at)
                return tr[i].before;
        return tr[1].after;
    }
    /* Arrays.binarySearch over the instants: the offset after the last one <= t. */
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (at[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int32_t)off[lo];
}

/* A local date-time (whole seconds s, and whether a fraction follows) against a local
   transition time x: <0, 0, >0 as LocalDateTime.compareTo. */
static int local_cmp(int64_t s, bool frac, int64_t x)
{
    return s < x ? -1 : s > x || frac ? 1 : 0;
}

/* ZoneRules.findOffsetInfo for a rule transition: *off, and true when local is in its gap
   or overlap (then *off is the offset before). */
static bool rule_offset_info(const TzTrans *tr, int64_t s, bool frac, int32_t *off)
{
    int64_t before = tr->at + tr->before, after = tr->at + tr->after;
    if (tr->after > tr->before) { /* gap */
        if (local_cmp(s, frac, before) < 0)
            *off = tr->before;
        else if (local_cmp(s, frac, after) < 0)
            return *off = tr->before, true;
        else
            *off = tr->after;
    } else { /* overlap */
        if (local_cmp(s, frac, before) >= 0)
            *off = tr->after;
        else if (local_cmp(s, frac, after) < 0)
            *off = tr->before;
        else
            return *off = tr->before, true;
    }
    return false;
}

/* ZoneRules' savingsLocalTransitions, two per transition: the earlier and the later of its
   local times before and after (a gap's before then after, an overlap's after then before). */
static int64_t local_transition(const int64_t *at, const int64_t *off, int64_t k)
{
    int64_t i = k / 2;
    int64_t a = off[i], b = off[i + 1];
    return at[i] + ((k & 1) ? (a > b ? a : b) : (a < b ? a : b));
}

int32_t cm_tz_local_offset(const int64_t *z, int64_t s, bool frac)
{
    int64_t n = z[CM_TZ_N];
    const int64_t *at = z + CM_TZ_HEAD, *off = at + n;
    if (z[CM_TZ_RULE] && (n == 0 || local_cmp(s, frac, local_transition(at, off, 2 * n - 1)) > 0)) {
        TzTrans tr[2];
        int64_t y, days = cm_floordiv(s, 86400);
        int m, d;
        cm_civil_from_days(days, &y, &m, &d);
        rule_year(z, y, tr);
        int32_t o = 0;
        for (int i = 0; i < 2; i++)
            if (rule_offset_info(&tr[i], s, frac, &o) || o == tr[i].before)
                return o;
        return o;
    }
    if (n == 0)
        return (int32_t)off[0];
    /* Arrays.binarySearch (java.util.Arrays) over the 2n local times, step for step, since
       which of equal keys it finds matters below. */
    int64_t low = 0, high = 2 * n - 1, index = 0;
    bool found = false;
    while (low <= high) {
        int64_t mid = (low + high) >> 1;
        int c = -local_cmp(s, frac, local_transition(at, off, mid));
        if (c < 0)
            low = mid + 1;
        else if (c > 0)
            high = mid - 1;
        else {
            index = mid, found = true;
            break;
        }
    }
    if (!found) {
        if (low == 0)
            return (int32_t)off[0]; /* before the first transition */
        index = low - 1;
    } else if (index < 2 * n - 1 &&
               local_transition(at, off, index) == local_transition(at, off, index + 1)) {
        index++; /* an overlap right after a gap */
    }
    /* Even: in transition index / 2's gap or overlap (the offset before it); odd: after it. */
    return (int32_t)off[index / 2 + (index & 1)];
}
