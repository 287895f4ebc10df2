/*
** gen_ecommerce.c - deterministic generator of "e-commerce events" sample data (seed 004).
**
** Writes JSON Lines files with the nested schema of the seed's events data set:
**
**   device STRING, ecommerce STRUCT<purchase_revenue_in_usd DOUBLE, total_item_quantity
**   BIGINT, unique_items BIGINT>, event_name STRING, event_previous_timestamp BIGINT,
**   event_timestamp BIGINT, geo STRUCT<city STRING, state STRING>, items ARRAY<STRUCT<
**   coupon STRING, item_id STRING, item_name STRING, item_revenue_in_usd DOUBLE,
**   price_in_usd DOUBLE, quantity BIGINT>>, traffic_source STRING,
**   user_first_touch_timestamp BIGINT, user_id STRING
**
** one object per line with the keys in that order, e.g.
**
**   {"device":"macOS","ecommerce":{"purchase_revenue_in_usd":null,"total_item_quantity":null,
**    "unique_items":null},"event_name":"warranty","event_previous_timestamp":1593880885085995,
**    "event_timestamp":1593880892303136,"geo":{"city":"Montrose","state":"MI"},"items":[],
**    "traffic_source":"google","user_first_touch_timestamp":1593880885085995,
**    "user_id":"UA000000107392458"}
**
** Timestamps are µs since the epoch: events start at --start and grow by up to 2 s a
** line.  A pool of users each has a device (iOS, Android, macOS, Windows, Linux,
** Chrome OS), a traffic source (email, google, facebook, instagram, direct, youtube), a
** city and a first touch; event_previous_timestamp is the user's previous event (null on
** the first).  Cart-like events carry 1..3 items (coupon NEWBED10/NEWBED20 or null),
** others none; "finalize" fills ecommerce, other events have its fields null, and about
** 1 event in 50 has "ecommerce":null.  Every double is printed with a fraction (1195.0),
** and the first line of each file is a finalize with a couponed item, so even one file
** lets Spark's inference find every type of the schema.  The same options always give
** the same bytes.
**
** Files are named part-<i>.json, written under a hidden temporary name and renamed
** into place, with mtime = start + i seconds (start in seconds) so that a files source
** that orders by mtime reads them in index order.
**
** Usage: gen_ecommerce --out DIR [--files N] [--lines-per-file M] [--seed S]
**                      [--start EPOCH_US] [--users U]
*/
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "gen_util.h"

/* An amount in dollars with at least one fraction digit: 1195.0, 940.5, 53.12. */
static void money(char *out, size_t n, double v)
{
    snprintf(out, n, "%.2f", v);
    size_t len = strlen(out);
    if (len >= 2 && out[len - 1] == '0' && out[len - 2] != '.')
        out[len - 1] = '\0';
}

/* ---- the data ---- */

static const char *const device_names[] = {"iOS",     "Android", "macOS",
                                           "Windows", "Linux",   "Chrome OS"};
static const unsigned device_weights[] = {30, 25, 20, 15, 4, 6};
static const char *const sources[] = {"email",     "google", "facebook",
                                      "instagram", "direct", "youtube"};
static const unsigned source_weights[] = {20, 35, 15, 12, 12, 6};
static const struct {
    const char *city, *state;
} places[] = {
    {"Houston", "TX"}, {"Montrose", "MI"}, {"Chicago", "IL"},   {"Denver", "CO"},
    {"Seattle", "WA"}, {"Brooklyn", "NY"}, {"Portland", "OR"},  {"Austin", "TX"},
    {"Phoenix", "AZ"}, {"Atlanta", "GA"},  {"San Diego", "CA"}, {"Boston", "MA"},
    {"Miami", "FL"},   {"Columbus", "OH"}, {"Nashville", "TN"}, {"Salt Lake City", "UT"},
};
#define N_PLACES (sizeof places / sizeof places[0])

enum { EV_ITEMS_NONE, EV_ITEMS_ONE, EV_ITEMS_CART, EV_FINALIZE };
static const struct {
    const char *name;
    unsigned weight;
    int items;
} events[] = {
    {"main", 30, EV_ITEMS_NONE},    {"mattresses", 10, EV_ITEMS_NONE},
    {"pillows", 5, EV_ITEMS_NONE},  {"original", 6, EV_ITEMS_NONE},
    {"premium", 5, EV_ITEMS_NONE},  {"reviews", 6, EV_ITEMS_NONE},
    {"faq", 3, EV_ITEMS_NONE},      {"press", 2, EV_ITEMS_NONE},
    {"careers", 1, EV_ITEMS_NONE},  {"warranty", 3, EV_ITEMS_NONE},
    {"delivery", 3, EV_ITEMS_NONE}, {"register", 3, EV_ITEMS_NONE},
    {"login", 4, EV_ITEMS_NONE},    {"email_coupon", 3, EV_ITEMS_NONE},
    {"add_item", 8, EV_ITEMS_ONE},  {"cart", 5, EV_ITEMS_CART},
    {"checkout", 3, EV_ITEMS_CART}, {"shipping_info", 2, EV_ITEMS_CART},
    {"cc_info", 2, EV_ITEMS_CART},  {"finalize", 3, EV_FINALIZE},
};
#define N_EVENTS (sizeof events / sizeof events[0])

static const struct {
    const char *id, *name;
    double price;
} products[] = {
    {"M_STAN_K", "Standard King Mattress", 1195.0}, {"M_STAN_Q", "Standard Queen Mattress", 1045.0},
    {"M_STAN_F", "Standard Full Mattress", 945.0},  {"M_STAN_T", "Standard Twin Mattress", 595.0},
    {"M_PREM_K", "Premium King Mattress", 1795.0},  {"M_PREM_Q", "Premium Queen Mattress", 1695.0},
    {"M_PREM_T", "Premium Twin Mattress", 1095.0},  {"P_FOAM_K", "Standard Foam Pillow", 59.0},
    {"P_FOAM_S", "Standard Foam Pillow", 53.1},     {"P_DOWN_K", "Down Filled Pillow", 79.0},
    {"P_DOWN_S", "Down Filled Pillow", 69.0},
};
#define N_PRODUCTS (sizeof products / sizeof products[0])

typedef struct User {
    char id[24];
    int device, source, place;
    int64_t first_touch; /* 0: not seen yet */
    int64_t previous;    /* 0: no previous event */
} User;

/* One event line. */
static void put_event(OutFile *o, Rng *r, User *u, size_t ev, int64_t ts, bool force_full)
{
    if (!u->first_touch)
        u->first_touch = ts;
    int64_t previous = u->previous;
    if (force_full && !previous)
        previous = ts - 1000000;
    u->previous = ts;

    /* items */
    char items[1400];
    size_t il = 0;
    int n_items = 0;
    int64_t quantity = 0;
    double revenue = 0;
    if (events[ev].items != EV_ITEMS_NONE) {
        n_items = events[ev].items == EV_ITEMS_ONE ? 1 : 1 + (int)rng_below(r, 3);
        const char *coupon = force_full             ? "\"NEWBED10\""
                             : rng_below(r, 4) == 0 ? "\"NEWBED10\""
                             : rng_below(r, 8) == 0 ? "\"NEWBED20\""
                                                    : "null";
        double discount = !strcmp(coupon, "\"NEWBED10\"")   ? 0.9
                          : !strcmp(coupon, "\"NEWBED20\"") ? 0.8
                                                            : 1.0;
        size_t first = (size_t)rng_below(r, N_PRODUCTS);
        for (int i = 0; i < n_items; i++) {
            size_t p = (first + (size_t)i * 3) % N_PRODUCTS;
            int64_t q = 1 + (rng_below(r, 6) == 0);
            double rev = products[p].price * (double)q * discount;
            char price[32], rev_s[32];
            money(price, sizeof price, products[p].price);
            money(rev_s, sizeof rev_s, rev);
            int n =
                snprintf(items + il, sizeof items - il,
                         "%s{\"coupon\":%s,\"item_id\":\"%s\",\"item_name\":\"%s\","
                         "\"item_revenue_in_usd\":%s,\"price_in_usd\":%s,\"quantity\":%" PRId64 "}",
                         i ? "," : "", coupon, products[p].id, products[p].name, rev_s, price, q);
            if (n < 0 || (size_t)n >= sizeof items - il)
                break;
            il += (size_t)n;
            quantity += q;
            revenue += rev;
        }
    }
    items[il] = '\0';

    char ecommerce[160];
    if (events[ev].items == EV_FINALIZE) {
        char rev_s[32];
        money(rev_s, sizeof rev_s, revenue);
        snprintf(ecommerce, sizeof ecommerce,
                 "{\"purchase_revenue_in_usd\":%s,\"total_item_quantity\":%" PRId64
                 ",\"unique_items\":%d}",
                 rev_s, quantity, n_items);
    } else if (rng_below(r, 50) == 0) {
        snprintf(ecommerce, sizeof ecommerce, "null");
    } else {
        snprintf(ecommerce, sizeof ecommerce,
                 "{\"purchase_revenue_in_usd\":null,\"total_item_quantity\":null,"
                 "\"unique_items\":null}");
    }
    char prev_s[32];
    if (previous)
        snprintf(prev_s, sizeof prev_s, "%" PRId64, previous);
    else
        snprintf(prev_s, sizeof prev_s, "null");

    out_printf(o,
               "{\"device\":\"%s\",\"ecommerce\":%s,\"event_name\":\"%s\","
               "\"event_previous_timestamp\":%s,\"event_timestamp\":%" PRId64
               ",\"geo\":{\"city\":\"%s\",\"state\":\"%s\"},\"items\":[%s],"
               "\"traffic_source\":\"%s\",\"user_first_touch_timestamp\":%" PRId64
               ",\"user_id\":\"%s\"}\n",
               device_names[u->device], ecommerce, events[ev].name, prev_s, ts,
               places[u->place].city, places[u->place].state, items, sources[u->source],
               u->first_touch, u->id);
}

/* ---- command line ---- */

static void usage(void)
{
    fprintf(stderr, "usage: gen_ecommerce --out DIR [--files N] [--lines-per-file M] [--seed S]\n"
                    "                     [--start EPOCH_US] [--users U]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    gen_init("gen_ecommerce");
    const char *out_dir = NULL;
    uint64_t nfiles = 10, nlines = 1000, seed = 0xec0113e, n_users = 500;
    int64_t start_us = 1593878400000000LL; /* 2020-07-04 16:00:00 UTC */

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h") || i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--out"))
            out_dir = v;
        else if (!strcmp(a, "--files"))
            nfiles = gen_parse_u64(a, v);
        else if (!strcmp(a, "--lines-per-file"))
            nlines = gen_parse_u64(a, v);
        else if (!strcmp(a, "--seed"))
            seed = gen_parse_u64(a, v);
        else if (!strcmp(a, "--start"))
            start_us = (int64_t)gen_parse_u64(a, v);
        else if (!strcmp(a, "--users"))
            n_users = gen_parse_u64(a, v);
        else
            usage();
    }
    if (!out_dir || nfiles > 1000000 || n_users == 0 || n_users > 10000000)
        usage();

    gen_make_dirs(out_dir);
    Rng rng = {seed};
    OutFile o = {.fd = -1};
    User *users = calloc((size_t)n_users, sizeof *users);
    if (!users)
        gen_die("out of memory", NULL);
    uint64_t next_id = 107379500;
    for (uint64_t k = 0; k < n_users; k++) {
        next_id += 1 + rng_below(&rng, 40);
        snprintf(users[k].id, sizeof users[k].id, "UA%015" PRIu64, next_id);
        users[k].device = (int)rng_weighted(&rng, device_weights, 6);
        users[k].source = (int)rng_weighted(&rng, source_weights, 6);
        users[k].place = (int)rng_below(&rng, N_PLACES);
    }
    unsigned event_weights[N_EVENTS];
    size_t finalize = 0;
    for (size_t e = 0; e < N_EVENTS; e++) {
        event_weights[e] = events[e].weight;
        if (events[e].items == EV_FINALIZE)
            finalize = e;
    }

    int64_t ts = start_us;
    for (uint64_t f = 0; f < nfiles; f++) {
        out_open(&o, out_dir, f, "json");
        for (uint64_t l = 0; l < nlines; l++) {
            ts += 1 + (int64_t)rng_below(&rng, 2000000);
            User *u = &users[rng_below(&rng, n_users)];
            size_t ev = l == 0 ? finalize : rng_weighted(&rng, event_weights, N_EVENTS);
            put_event(&o, &rng, u, ev, ts, l == 0);
        }
        out_close(&o, start_us / 1000000 + (int64_t)f);
    }
    free(users);
    free(o.buf);
    return 0;
}
