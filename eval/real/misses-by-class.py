#!/usr/bin/env python3
"""Classify the hunted misses of every judged code base (eval/real/*/misses.tsv) and the identity set's secrets that
a build missed, by class, from each row's reason text (no value is read or printed).

usage: misses-by-class.py [report-dir ...]
Each report dir holds `<slug>.json` scans (`cadasto scan --format json`); the first dir with a slug's report decides
whether a row is still missed (any finding on its line). Without one the row counts as missed (first run).
Prints: class, rows, rows the SPEC covers, rows still missed (of them SPEC-covered)."""
import csv, glob, json, os, re, sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
CLASSES = [  # (class, pattern over reason + path), first match wins
    ("values of a test-support library that is no test project (MSAL Lab.Api)", r"test-support library"),
    ("IdentityServer Secret registrations (ClientSecrets/ApiSecrets)", r"Secret\(|new Secret|ApiSecrets|ClientSecrets registration|Secret \{ Value"),
    ("private JSON Web Keys (d / k)", r"JSON Web Key|\bJWK\b"),
    ("RSA private keys in .NET XML", r"private key in (\.NET )?XML|in XML|XML form"),
    ("seed-data JSON that is not appsettings", r"seed-data|seeded admin password, .*copy"),
    ("credentials inside a JSON text in a C# literal", r"JSON string literal|JSON text|seed JSON"),
    ("client secrets under keys with no credential word at the end (read into ClientSecret)", r"starts with Secret|same shape in the second client"),
    ("Aspire AppHost calls (own extension methods, WithEnvironment, AddParameter)", r"AddAdminPassword|WithUser\(|AddClient\(|WithEnvironment|AddParameter"),
    ("#if branches no scanned target compiles", r"#if"),
    ("commented-out code", r"block comment|commented-out"),
    ("?? / default-value fallbacks of a configuration read", r"\?\?|fallback|defaultValue"),
    ("JWTs in test projects (known format: still a finding)", r"a JWT"),
    ("signing and encryption keys under …Key names", r"signing key|HMAC|SigningKey|TokenKey|JWT_SECRET_KEY"),
    ("the word `test` as a value outside test code", r"the word test"),
    ("API keys under names with no credential word (Key, AnonKey, ak- keys)", r"\bak-|API key \(NUnit\)|const \w*Key = |API key|no SPEC credential word"),
    ("real-looking values in test projects (SPEC: still findings)", r"looks real|real-looking|high-entropy"),
    ("test-code sentinels and short values in test projects (SPEC: no finding)", r"sentinel|short|Testcontainers|acceptance test|sa password|xunit|xUnit|NUnit|MSTest"),
    ("passphrases (PassPhrase)", r"PassPhrase"),
    ("user:password URLs in launchSettings / connection strings", r"launchSettings|connection string"),
    ("certificate passwords (X509Certificate2)", r"X509Certificate2|certificate password"),
    ("UserManager / own seed methods (CreateAsync, CreateUserAuth)", r"CreateAsync|CreateUserAuth"),
    ("a constant passed to the user's own method (one call level)", r"GetApiToken|own method|positionally"),
    ("introspection ApiSecret on unresolved options", r"ApiSecret"),
    ("OpenIddict SetClientSecret / ClientSecret", r"SetClientSecret|OpenIddict"),
    ("name-like demo secrets in configuration", r"name-like|reads like a name"),
    ("vendor default passwords (RabbitMQ guest, Deluge, harness defaults)", r"default (account )?password|documented default|default host settings|test harness"),
    ("Razor pages (generated code, not analysed)", r"\.razor"),
]

def classify(text):
    for name, pattern in CLASSES:
        if re.search(pattern, text):
            return name
    return "other: " + text[:60]

def found_lines(slug, dirs):
    for d in dirs:
        p = os.path.join(d, slug + ".json")
        if os.path.exists(p):
            return {(f["path"], int(f["line"])) for f in json.load(open(p))["findings"]}
    return None

dirs = sys.argv[1:]
rows = []
for path in sorted(glob.glob(os.path.join(here, "*", "misses.tsv"))):
    slug = os.path.basename(os.path.dirname(path))
    lines = found_lines(slug, dirs)
    judged_true = set()
    fpath = os.path.join(os.path.dirname(path), "findings.tsv")
    if os.path.exists(fpath):
        for r in csv.DictReader(open(fpath), delimiter="\t"):
            if r["verdict"] == "true":
                judged_true.add((r["path"], int(r["line"])))
    for r in csv.DictReader(open(path), delimiter="\t"):
        key = (r["path"], int(r["line"]))
        missed = lines is None or key not in lines
        rows.append((slug, classify(r["reason"] + " " + r["path"]), r["spec_covers"] == "yes", missed))
cases = os.path.join(here, "identity-set", "cases.tsv")
for r in csv.DictReader(open(cases), delimiter="\t"):
    if r["expected"] == "trap":
        continue
    lines = found_lines(r["codebase"], dirs)
    if lines is not None and (r["path"], int(r["line"])) in lines:
        continue
    if lines is None and r.get("recall4_71ea2da") != "missed":
        continue
    rows.append(("identity-set/" + r["codebase"], classify(r["reason"] + " " + r["path"]), r["spec_covers"] == "yes", True))

table = defaultdict(lambda: [0, 0, 0, 0])
for _, cls, spec, missed in rows:
    t = table[cls]
    t[0] += 1; t[1] += spec; t[2] += missed; t[3] += missed and spec
print("| class | rows | SPEC covers | still missed | of them SPEC-covered |")
print("|---|---|---|---|---|")
for cls, t in sorted(table.items(), key=lambda kv: (-kv[1][2], -kv[1][0])):
    print(f"| {cls} | {t[0]} | {t[1]} | {t[2]} | {t[3]} |")
tot = [sum(t[i] for t in table.values()) for i in range(4)]
print(f"| **all** | **{tot[0]}** | **{tot[1]}** | **{tot[2]}** | **{tot[3]}** |")
