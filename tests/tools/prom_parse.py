#!/usr/bin/env python3
"""prom_parse.py - a strict parser of the Prometheus text exposition format 0.0.4.

Reads the text on stdin; exits 1 naming the first line that breaks the format (a bad metric
or label name, a bad escape, a value that is not a float, TYPE after a sample or twice, a
family split in two, a repeated series, a missing final newline), else prints the samples as
JSON: [[name, {label: value}, value], ...] (value as text).
"""
import json
import re
import sys

NAME = re.compile(r'[a-zA-Z_:][a-zA-Z0-9_:]*')
LABEL = re.compile(r'[a-zA-Z_][a-zA-Z0-9_]*')
TYPES = {'counter', 'gauge', 'histogram', 'summary', 'untyped'}


def die(n, line, why):
    sys.stderr.write('line %d: %s: %r\n' % (n, why, line))
    sys.exit(1)


def parse_value(n, line, text):
    if text in ('NaN', '+Inf', '-Inf'):
        return text
    if not re.fullmatch(r'[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?', text):
        die(n, line, 'value is not a float')
    return text


def parse_labels(n, line, s, i):
    """s[i] is '{'; returns (labels, index after '}')."""
    labels = {}
    i += 1
    while True:
        if s[i] == '}':
            return labels, i + 1
        m = LABEL.match(s, i)
        if not m:
            die(n, line, 'bad label name')
        name = m.group(0)
        i = m.end()
        if s[i:i + 2] != '="':
            die(n, line, 'label needs ="')
        i += 2
        val = []
        while True:
            if i >= len(s):
                die(n, line, 'unterminated label value')
            c = s[i]
            if c == '\\':
                e = s[i + 1:i + 2]
                if e not in ('\\', '"', 'n'):
                    die(n, line, 'bad escape in label value')
                val.append('\n' if e == 'n' else e)
                i += 2
            elif c == '"':
                i += 1
                break
            elif c == '\n':
                die(n, line, 'newline in label value')
            else:
                val.append(c)
                i += 1
        if name in labels:
            die(n, line, 'repeated label')
        labels[name] = ''.join(val)
        if s[i] == ',':
            i += 1
        elif s[i] != '}':
            die(n, line, 'expected , or }')


def main():
    text = sys.stdin.read()
    if text and not text.endswith('\n'):
        die(0, text[-40:], 'no final newline')
    typed, helped, seen_series, done_families, sampled = {}, set(), set(), set(), set()
    current = None
    samples = []

    def enter(n, line, family):
        """The lines of a family (HELP, TYPE, samples) come together."""
        nonlocal current
        if family != current:
            if family in done_families:
                die(n, line, 'family split in two')
            if current:
                done_families.add(current)
            current = family
    for n, line in enumerate(text.split('\n')[:-1], 1):
        if line.startswith('#'):
            parts = line.split(' ', 3)
            if len(parts) >= 3 and parts[1] in ('HELP', 'TYPE'):
                name = parts[2]
                if not NAME.fullmatch(name):
                    die(n, line, 'bad metric name')
                if parts[1] == 'TYPE':
                    if len(parts) != 4 or parts[3] not in TYPES:
                        die(n, line, 'bad type')
                    if name in typed:
                        die(n, line, 'TYPE given twice')
                    if name in sampled:
                        die(n, line, 'TYPE after the samples of its family')
                    typed[name] = parts[3]
                else:
                    if name in helped:
                        die(n, line, 'HELP given twice')
                    helped.add(name)
                enter(n, line, name)
            continue
        if not line.strip():
            die(n, line, 'empty line')
        m = NAME.match(line)
        if not m:
            die(n, line, 'bad metric name')
        name, i = m.group(0), m.end()
        labels = {}
        if i < len(line) and line[i] == '{':
            labels, i = parse_labels(n, line, line, i)
        if line[i:i + 1] != ' ':
            die(n, line, 'expected a space before the value')
        rest = line[i + 1:].split(' ')
        if len(rest) not in (1, 2) or (len(rest) == 2 and not re.fullmatch(r'-?\d+', rest[1])):
            die(n, line, 'expected a value and an optional timestamp')
        value = parse_value(n, line, rest[0])
        family = name
        enter(n, line, family)
        key = (name, tuple(sorted(labels.items())))
        if key in seen_series:
            die(n, line, 'repeated series')
        seen_series.add(key)
        sampled.add(family)
        samples.append([name, labels, value])
    json.dump(samples, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
