/* gen_zone_names.java - write common/cm_zone_names.h: the zone names java.time reads with the
** pattern letters z..zzz and zzzz, as Spark 3.5's Iso8601TimestampFormatter parses them
** (DateTimeFormatterBuilder.ZoneTextPrinterParser, Locale.US, parseCaseInsensitive).
**
**     java --add-opens java.base/java.time.format=ALL-UNNAMED scripts/gen_zone_names.java \
**         > common/cm_zone_names.h
**
** Run it with the JDK the tables should follow (sluice follows Java 17, the newest Spark 3.5
** runs on). ZoneTextPrinterParser.getTree builds a case-insensitive PrefixTree of the region
** ids and the names TimeZoneNameUtility.getZoneStrings(Locale.US) gives (CLDR's, with the
** short names Java's COMPAT data fills in): SHORT (z, zz, zzz) the short standard, daylight
** and generic names, FULL (zzzz) the long ones, each mapped to the metazone's preferred zone
** for the US (ZoneName.toZid). A name several zones share maps to the zone added last, which
** depends on the JDK's hash order, and Java 17's PrefixTree leaves a value on a node it splits;
** so the tree itself is dumped (by reflection), node by node as Java built it, and
** cm_dtparse.c walks it as PrefixTree.match does.
*/
import java.lang.ref.SoftReference;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public class gen_zone_names {
    static Class<?> treeClass;
    static final List<Object> nodes = new ArrayList<>();
    static final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();
    static final Map<String, Integer> zones = new LinkedHashMap<>();
    static final StringBuilder keys = new StringBuilder();
    static int keyBytes = 0;

    static Object get(Class<?> c, String name, Object o) throws Exception {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    /* The CI PrefixTree of the zone text parser of pattern p, as Spark's formatter builds it. */
    static Object tree(String p) throws Exception {
        DateTimeFormatter fm = new DateTimeFormatterBuilder().parseCaseInsensitive()
                                   .appendPattern(p)
                                   .toFormatter(Locale.US)
                                   .withChronology(IsoChronology.INSTANCE)
                                   .withResolverStyle(ResolverStyle.STRICT);
        fm.parseUnresolved("Q", new ParsePosition(0)); /* builds and caches the tree */
        Object composite = get(DateTimeFormatter.class, "printerParser", fm);
        for (Object pp : (Object[])get(composite.getClass(), "printerParsers", composite)) {
            if (!pp.getClass().getSimpleName().equals("ZoneTextPrinterParser"))
                continue;
            Map<?, ?> cached = (Map<?, ?>)get(pp.getClass(), "cachedTreeCI", pp);
            Map.Entry<?, ?> e = (Map.Entry<?, ?>)cached.get(Locale.US);
            return ((SoftReference<?>)e.getValue()).get();
        }
        throw new IllegalStateException("no zone text parser in " + p);
    }

    /* Numbers the nodes of the tree at n in preorder (child before sibling). */
    static int number(Object n) throws Exception {
        if (n == null)
            return -1;
        ids.put(n, nodes.size());
        nodes.add(n);
        number(get(treeClass, "child", n));
        number(get(treeClass, "sibling", n));
        return ids.get(n);
    }

    static String cString(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c == '"' || c == '\\')
                b.append('\\').append((char)c);
            else if (c < 0x20 || c >= 0x7f)
                b.append(String.format("\\%03o", c));
            else
                b.append((char)c);
        }
        return b.toString();
    }

    static void emit(String name, String pattern) throws Exception {
        nodes.clear();
        ids.clear();
        Object root = tree(pattern);
        treeClass = root.getClass();
        while (!treeClass.getSimpleName().equals("PrefixTree"))
            treeClass = treeClass.getSuperclass();
        number(root);
        System.out.printf("static const CmZoneNameNode %s[%d] = {%n", name, nodes.size());
        for (Object n : nodes) {
            String key = (String)get(treeClass, "key", n);
            String value = (String)get(treeClass, "value", n);
            char c0 = (char)get(treeClass, "c0", n);
            int kb = key.getBytes(StandardCharsets.UTF_8).length;
            int at = keyBytes;
            keys.append(key);
            keyBytes += kb;
            int zone = -1;
            if (value != null) {
                zones.putIfAbsent(value, zones.size());
                zone = zones.get(value);
            }
            System.out.printf("    {%d, %d, 0x%04x, %d, %d, %d},%n", at, kb, (int)c0, zone,
                              ids.getOrDefault(get(treeClass, "child", n), -1),
                              ids.getOrDefault(get(treeClass, "sibling", n), -1));
        }
        System.out.println("};");
        System.out.println();
    }

    public static void main(String[] args) throws Exception {
        System.out.println("/* cm_zone_names.h - generated by scripts/gen_zone_names.java with Java "
                           + System.getProperty("java.version") + "; do not edit.");
        System.out.println("** The case-insensitive PrefixTrees of java.time's zone text parser,"
                           + " Locale.US: cm_zone_short");
        System.out.println("** for z, zz and zzz, cm_zone_full for zzzz (cm_dtparse.c). A node: its"
                           + " key's bytes in");
        System.out.println("** cm_zone_keys, its key's first UTF-16 unit (c0), the zone id it maps"
                           + " to in cm_zone_ids");
        System.out.println("** (-1: none), its first child and its next sibling (-1: none). */");
        System.out.println("/* clang-format off */");
        System.out.println("#ifndef CM_ZONE_NAMES_H");
        System.out.println("#define CM_ZONE_NAMES_H");
        System.out.println();
        System.out.println("#include <stdint.h>");
        System.out.println();
        System.out.println("typedef struct {");
        System.out.println("    uint16_t key_at;");
        System.out.println("    uint8_t key_n;");
        System.out.println("    uint16_t c0;");
        System.out.println("    int16_t zone, child, sibling;");
        System.out.println("} CmZoneNameNode;");
        System.out.println();
        emit("cm_zone_short", "z");
        emit("cm_zone_full", "zzzz");
        if (keyBytes > 65535)
            throw new IllegalStateException("keys do not fit uint16_t offsets");
        System.out.println("static const char cm_zone_keys[] =");
        String all = keys.toString();
        for (int i = 0; i < all.length(); i += 60)
            System.out.println("    \"" + cString(all.substring(i, Math.min(all.length(), i + 60)))
                               + "\"");
        System.out.println("    ;");
        System.out.println();
        System.out.printf("static const char *const cm_zone_ids[%d] = {%n", zones.size());
        for (String z : zones.keySet())
            System.out.println("    \"" + cString(z) + "\",");
        System.out.println("};");
        System.out.println();
        System.out.println("#endif");
        System.out.println("/* clang-format on */");
    }
}
