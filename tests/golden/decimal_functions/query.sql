CREATE SOURCE nums (k STRING, a DECIMAL(10,2), w DECIMAL(5,0), z DECIMAL(2,1),
                    big DECIMAL(38,0), t DECIMAL(38,38))
  WITH (connector = 'files', path = 'data/nums', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, sqrt(a) AS sqrt_a, exp(z) AS exp_z, ln(a) AS ln_a, log10(w) AS log10_w,
       pow(a, 2) AS pow_a, power(2, z) AS power_z, sign(a) AS sign_a, signum(big) AS signum_big,
       abs(a) AS abs_a, abs(big) AS abs_big, abs(t) AS abs_t
FROM nums WITH (name = 'double_functions');
INSERT INTO out
SELECT k, round(a) AS r_a, round(a, 1) AS r_a1, round(a, 5) AS r_a5, round(a, -1) AS r_am1,
       round(w, -1) AS r_wm1, round(w, -2) AS r_wm2, round(z) AS r_z, round(big, -1) AS r_bigm1,
       round(t, 37) AS r_t37, round(t, 0) AS r_t0, round(a, NULL) AS r_null,
       round(2.5) AS r_lit, round(0 - 2.5) AS r_neg_lit
FROM nums WITH (name = 'round');
INSERT INTO out
SELECT k, floor(a) AS fl_a, ceil(a) AS ce_a, ceiling(z) AS ce_z, floor(z) AS fl_z,
       floor(w) AS fl_w, ceil(big) AS ce_big, floor(t) AS fl_t, ceil(t) AS ce_t
FROM nums WITH (name = 'floor_ceil');
INSERT INTO out
SELECT k, pmod(a, 0.7) AS pm_a, pmod(w, 7) AS pm_w, pmod(a, z) AS pm_az, pmod(w, -7) AS pm_wn,
       pmod(a, 0) AS pm_zero, pmod(z, 1.5D) AS pm_dbl, pmod(big, 7) AS pm_big, pmod(NULL, a) AS pm_null
FROM nums WITH (name = 'pmod');
INSERT INTO out
SELECT k, greatest(a, z, 1) AS gr, least(a, z, w) AS le, coalesce(a, big) AS co, nvl(z, 0.25) AS nv,
       ifnull(t, 1) AS ifn, nullif(a, 2.5) AS nu, greatest(a, 1.5D) AS gr_dbl
FROM nums WITH (name = 'null_order');
