"""Checks Alongside's Open Referral UK 3.0 API against the standard itself (issue 18).

    python check_openreferral.py http://127.0.0.1:8080    check a running server; exit 1 on any error
    python check_openreferral.py --self-test              only show that the check rejects what breaks the standard

It fetches every page of `/openreferral/services` and `/openreferral/service_at_locations` and validates each page
against the API's own description (`openapi.json`: the `Page` wrapper, whose fields are all required here as the
standard's API reference asks, with `contents` of `schema-service_list.json` items), then fetches every listed
`/openreferral/services/{id}` and validates it against `schema-service.json`, with format checking on (uuid, uri,
email, date-time). Each error is printed with the service id it concerns. The schemas are read from the standard's
files beside the repository, `../shared/standards/open-referral-uk/` (or `$ALONGSIDE_ORUK_STANDARD`); their `$ref`s
to the standard's published addresses resolve to those files, never to the network. The standard's
`service_at_location_list.json` is not among them, so its item is put together here from the same files' parts:
ids, `location` from the full service's location and `service` as listed.

Before checking a server it always checks itself: the standard's own example must pass and broken copies of it
(an id that is not a UUID, an empty url or email, a status not in the standard) must fail, so a check that has
quietly stopped checking (format checking off, say) fails the run.
"""

import copy
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

PUBLISHED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI = PUBLISHED + "openapi.json"
PER_PAGE = 5
FORMATS = {"uuid", "uri", "email", "date-time"}


def standard_folder():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "..", "shared", "standards", "open-referral-uk")
    folder = os.path.abspath(os.environ.get("ALONGSIDE_ORUK_STANDARD") or default)
    if not os.path.isfile(os.path.join(folder, "openapi.json")):
        raise SystemExit(f"check_openreferral: the standard's files are not in {folder}")
    return folder


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as file:
        return json.load(file)


class Standard:
    """The standard's schemas, resolving among themselves, and validators with format checking on."""

    def __init__(self, folder=None):
        folder = folder or standard_folder()
        self.openapi = load(folder, "openapi.json")
        self.service = load(folder, "schema-service.json")
        self.service_list = load(folder, "schema-service_list.json")
        self.example = load(folder, "example-service_full.json")
        self.example_list = load(folder, "example-service_list.json")
        location = self.service["properties"]["service_at_locations"]["items"]["properties"]["location"]
        uuid = {"type": "string", "format": "uuid"}
        service_at_location_list = {
            "type": "object", "required": ["id"],
            "properties": {"id": uuid, "service_id": uuid, "location_id": uuid, "location": location,
                           "service": self.service_list},
        }
        documents = {
            OPENAPI: self.openapi,
            PUBLISHED + "compiled/service.json": self.service,
            PUBLISHED + "compiled/service_list.json": self.service_list,
            PUBLISHED + "compiled/service_at_location_list.json": service_at_location_list,
        }
        self.registry = Registry().with_resources(
            (uri, DRAFT202012.create_resource(document)) for uri, document in documents.items())
        self.format_checker = Draft202012Validator.FORMAT_CHECKER
        missing = FORMATS - set(self.format_checker.checkers)
        if missing:
            raise SystemExit(f"check_openreferral: no format checking for {sorted(missing)}: install requirements.txt")
        page_fields = sorted(self.openapi["components"]["schemas"]["Page"]["properties"]) + ["contents"]
        self.full = self.validator(self.service)
        self.pages = {
            path: self.validator({"allOf": [{"$ref": self.response_pointer(path)}, {"required": page_fields}]})
            for path in ("/services", "/service_at_locations")
        }

    def validator(self, schema):
        return Draft202012Validator(schema, registry=self.registry, format_checker=self.format_checker)

    @staticmethod
    def response_pointer(path):
        escaped = path.replace("~", "~0").replace("/", "~1")
        return f"{OPENAPI}#/paths/{escaped}/get/responses/200/content/application~1json/schema"


def errors_in(validator, document, label):
    return [f"{label}: {'/'.join(str(part) for part in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(document), key=lambda error: list(map(str, error.path)))]


def self_test(standard):
    """The standard's examples pass; copies broken in the ways issue 18 found fail, each for its own reason."""
    problems = []
    problems += errors_in(standard.full, standard.example, "the standard's example service")
    problems += errors_in(standard.pages["/services"], standard.example_list, "the standard's example list")
    breakages = {
        "an id that is not a UUID": ("id", "asset-12"),
        "an empty url": ("url", ""),
        "an empty email": ("email", ""),
        "a status not in the standard": ("status", "closed"),
        "an organisation without its description": ("organization", {"id": standard.example["organization"]["id"],
                                                                     "name": "x"}),
        "a last_modified that is not a date-time": ("last_modified", "yesterday"),
    }
    for what, (field, value) in breakages.items():
        broken = copy.deepcopy(standard.example)
        broken[field] = value
        if not errors_in(standard.full, broken, what):
            problems.append(f"self-test: a service with {what} was not refused")
    table_shaped = {"services": [], "organizations": []}
    if not errors_in(standard.pages["/services"], table_shaped, "a table-shaped document"):
        problems.append("self-test: a list without the Page wrapper was not refused")
    return problems


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), json.loads(response.read())
    except urllib.error.HTTPError as error:
        body = error.read()
        try:
            return error.code, error.headers.get("Content-Type", ""), json.loads(body)
        except ValueError:
            return error.code, error.headers.get("Content-Type", ""), body[:200]


def walk(standard, base_url, path, problems):
    """Every page of a list; returns its items. Checks each page's wrapper and that the pages agree."""
    items, page, total = [], 1, None
    while True:
        url = f"{base_url}/openreferral{path}?page={page}&per_page={PER_PAGE}"
        status, content_type, document = fetch(url)
        label = f"{path} page {page}"
        if status != 200 or not content_type.startswith("application/json"):
            problems.append(f"{label}: answered {status} {content_type}")
            return items
        problems.extend(errors_in(standard.pages[path], document, label))
        contents = document.get("contents") or []
        expected = {"page_number": page, "size": len(contents), "first_page": page == 1,
                    "empty": len(contents) == 0, "last_page": page >= document.get("total_pages", 0)}
        for field, value in expected.items():
            if document.get(field) != value:
                problems.append(f"{label}: {field} is {document.get(field)!r}, expected {value!r}")
        if total is None:
            total = document.get("total_items")
        elif document.get("total_items") != total:
            problems.append(f"{label}: total_items changed from {total} to {document.get('total_items')}")
        items += contents
        if document.get("last_page") is not False or page >= 10_000:
            break
        page += 1
    ids = [item.get("id") for item in items]
    if len(ids) != total or len(set(ids)) != len(ids):
        problems.append(f"{path}: {len(ids)} items over the pages ({len(set(ids))} different), total_items {total}")
    return items


def check(base_url, standard=None):
    """Every problem found, as lines to print (empty when the API follows the standard)."""
    standard = standard or Standard()
    problems = self_test(standard)
    base_url = base_url.rstrip("/")
    status, _, about = fetch(f"{base_url}/openreferral/")
    if status != 200 or not isinstance(about, dict) or about.get("version") != "3.0":
        problems.append(f"/openreferral/: answered {status} {about!r}")
    services = walk(standard, base_url, "/services", problems)
    for summary in services:
        service_id = summary.get("id")
        status, content_type, service = fetch(f"{base_url}/openreferral/services/{urllib.parse.quote(str(service_id))}")
        label = f"service {service_id} ({summary.get('name')})"
        if status != 200 or not content_type.startswith("application/json"):
            problems.append(f"{label}: /services/{{id}} answered {status} {content_type}")
            continue
        problems.extend(errors_in(standard.full, service, label))
        if service.get("id") != service_id:
            problems.append(f"{label}: /services/{{id}} holds the service {service.get('id')}")
        nested = all_ids(service)
        if len(nested) != len(set(nested)):
            problems.append(f"{label}: an id is used twice inside the service")
    known = {service.get("id") for service in services}
    for link in walk(standard, base_url, "/service_at_locations", problems):
        if link.get("service_id") not in known:
            problems.append(f"service_at_location {link.get('id')}: its service {link.get('service_id')} is not listed")
    for query, wanted in (("page=0", 422), ("per_page=100000", 422)):
        status, content_type, _ = fetch(f"{base_url}/openreferral/services?{query}")
        if status != wanted or not content_type.startswith("application/json"):
            problems.append(f"/services?{query}: answered {status} {content_type}, expected {wanted} in JSON")
    status, _, _ = fetch(f"{base_url}/openreferral/services/00000000-0000-4000-8000-000000000000")
    if status != 404:
        problems.append(f"an unknown service id answered {status}, expected 404")
    print(f"check_openreferral: {len(services)} services checked against the standard at {base_url}"
          f" ({len(problems)} problem(s))")
    return problems


def all_ids(value):
    """The `id` of every object inside `value` (links such as service_id are not ids of their own)."""
    if isinstance(value, dict):
        own = [value["id"]] if isinstance(value.get("id"), str) else []
        # A taxonomy term is shared by every service that has it; only its link (the attribute) is the service's own.
        return own + [found for key, inner in value.items() if key != "taxonomy_term" for found in all_ids(inner)]
    if isinstance(value, list):
        return [found for inner in value for found in all_ids(inner)]
    return []


def main(arguments):
    if arguments == ["--self-test"]:
        problems = self_test(Standard())
    elif len(arguments) == 1:
        problems = check(arguments[0])
    else:
        raise SystemExit(__doc__)
    for problem in problems:
        print(f"  {problem}")
    print("Open Referral UK check: " + ("FAILED" if problems else "passed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
