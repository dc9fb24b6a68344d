"""Rows checked against the HSDS 3.0 JSON schemas: each table's rows against its table's
schema, and each service assembled as HSDS's API returns it (service_with_definitions)."""

from collections import defaultdict

from . import schemas, store

TABLE_SCHEMAS = {
    "organization": "compiled/organization_list.json",
    "service": "compiled/service_list.json",
    "service_at_location": "compiled/service_at_location_list.json",
}


def table_errors(tables: dict[str, list[dict]]) -> list[str]:
    errors = []
    for table, rows in tables.items():
        validator = schemas.validator(TABLE_SCHEMAS.get(table, f"{table}.json"))
        for row in rows:
            errors += [f"{table} {row.get('id')}: {e.message}" for e in validator.iter_errors(row)]
    return errors


def full_services(tables: dict[str, list[dict]]) -> list[dict]:
    """Each service with its organization, locations, phones, schedules, costs and
    attributes nested, the shape of HSDS's /services/{id}."""
    by_id = {table: {row["id"]: row for row in rows} for table, rows in tables.items()}
    children = defaultdict(lambda: defaultdict(list))
    for table in ("address", "phone", "schedule", "language", "contact"):
        for row in tables[table]:
            if "location_id" in row:
                children[row["location_id"]][table].append(row)
    attributes = defaultdict(list)
    terms = by_id["taxonomy_term"]
    for row in tables["attribute"]:
        attributes[row["link_id"]].append({**row, "taxonomy_term": terms[row["taxonomy_term_id"]]})
    costs = defaultdict(list)
    for row in tables["cost_option"]:
        costs[row["service_id"]].append(row)
    locations_of = defaultdict(list)
    for row in tables["service_at_location"]:
        location = dict(by_id["location"][row["location_id"]])
        for table in ("address", "phone", "schedule", "language", "contact"):
            location[f"{table}es" if table == "address" else f"{table}s"] = children[
                row["location_id"]
            ][table]
        locations_of[row["service_id"]].append({**row, "location": location})
    services = []
    for service in tables["service"]:
        organization = dict(by_id["organization"][service["organization_id"]])
        organization["attributes"] = attributes[organization["id"]]
        services.append(
            {
                **service,
                "organization": organization,
                "service_at_locations": locations_of[service["id"]],
                "cost_options": costs[service["id"]],
                "attributes": attributes[service["id"]],
            }
        )
    return services


def service_errors(tables: dict[str, list[dict]]) -> list[str]:
    validator = schemas.validator("compiled/service_with_definitions.json")
    errors = []
    for service in full_services(tables):
        errors += [f"service {service['id']}: {e.message}" for e in validator.iter_errors(service)]
    return errors


def current_tables() -> dict[str, list[dict]]:
    return store.export_tables()


def validate_current_data() -> list[str]:
    tables = current_tables()
    return table_errors(tables) + service_errors(tables)
