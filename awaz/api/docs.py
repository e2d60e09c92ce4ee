"""The API's human documentation, rendered on the server from the OpenAPI document itself.

No JavaScript viewer (Swagger UI and ReDoc need inline styles that the site's CSP refuses, and
the site works without JavaScript): one page, the site's own style sheet, no third party.
"""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from awaz.api.api import api
from awaz.api.problems import problem

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(reference: dict[str, Any]) -> str:
    return str(reference.get("$ref", "")).rsplit("/", 1)[-1]


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            found.append(
                {
                    "id": operation.get("operationId", ""),
                    "method": method.upper(),
                    "path": "/api/v1" + path if not path.startswith("/api/") else path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": operation.get("parameters", []),
                    "body": _schema_name(body["schema"]) if body else "",
                    "secured": bool(operation.get("security")),
                    "responses": [
                        {
                            "status": status,
                            "schema": _answer_schema(answer),
                            "description": answer.get("description", ""),
                        }
                        for status, answer in operation.get("responses", {}).items()
                    ],
                }
            )
    return found


def _answer_schema(answer: dict[str, Any]) -> str:
    for content in answer.get("content", {}).values():
        return _schema_name(content.get("schema", {}))
    return ""


def _schemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    shown = []
    for name, definition in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(definition.get("required", []))
        fields = [
            {
                "name": field,
                "type": _type_of(spec),
                "required": field in required,
                "description": spec.get("description", ""),
            }
            for field, spec in definition.get("properties", {}).items()
        ]
        shown.append(
            {"name": name, "description": definition.get("description", ""), "fields": fields}
        )
    return shown


def _type_of(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return _schema_name(spec)
    if "anyOf" in spec:
        return " | ".join(_type_of(part) for part in spec["anyOf"])
    if spec.get("type") == "array":
        return f"list of {_type_of(spec.get('items', {}))}"
    if "enum" in spec:
        return " | ".join(json.dumps(value) for value in spec["enum"])
    kind = str(spec.get("type", "any"))
    return f"{kind} ({spec['format']})" if "format" in spec else kind


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    response = render(
        request,
        "api/docs.html",
        {
            "info": schema.get("info", {}),
            "operations": _operations(schema),
            "schemas": _schemas(schema),
            "openapi_url": reverse("api:openapi-json"),
        },
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


def not_found(request: HttpRequest) -> HttpResponse:
    return problem(404, "There is nothing at this address.")
