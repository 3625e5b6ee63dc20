package org.tallyroom.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.1 description of the JSON API, served at /openapi.json. */
public final class OpenApi {
    private OpenApi() {
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    private static Map<String, Object> param(String name, String in, String description, boolean required) {
        return m("name", name, "in", in, "required", required, "description", description, "schema", m("type", "string"));
    }

    private static Map<String, Object> responses(String ok, int... errors) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("200", m("description", ok, "content", m("application/json", m("schema", m("type", "object")))));
        for (int e : errors) {
            r.put(Integer.toString(e), m("$ref", "#/components/responses/E" + e));
        }
        return r;
    }

    private static Map<String, Object> get(String summary, String ok, List<Object> params, int... errors) {
        Map<String, Object> r = responses(ok, errors);
        r.put("304", m("description", "Not modified (If-None-Match matched the ETag)"));
        return m("get", m("summary", summary, "parameters", params, "responses", r));
    }

    private static Map<String, Object> write(String summary, String role, Map<String, Object> bodySchema) {
        Map<String, Object> r = responses("The result as recorded (the contest, with provisional figures)", 400, 401, 403, 404, 409, 412, 422);
        r.put("201", m("description", "The first version was recorded"));
        return m("post", m("summary", summary, "description", "Needs the " + role + " role. Send If-Match with the "
                        + "result's ETag to refuse the change if the result changed meanwhile (412). An Idempotency-Key "
                        + "makes a retry safe: the same key and body return the first response.",
                "security", List.of(m("bearer", List.of()), m("session", List.of())),
                "parameters", List.of(param("id", "path", "Democracy Club ballot id", true),
                        param("If-Match", "header", "the ETag of the result version being changed", false),
                        param("Idempotency-Key", "header", "a key unique to this request", false)),
                "requestBody", m("required", true, "content", m("application/json", m("schema", bodySchema))),
                "responses", r));
    }

    public static Map<String, Object> document() {
        Map<String, Object> figures = m("type", "object", "additionalProperties", false, "properties", m(
                "votes", m("description", "votes in ballot-paper order, or an object of votes by candidate name",
                        "oneOf", List.of(m("type", "array", "items", m("type", "integer", "minimum", 0)),
                                m("type", "object", "additionalProperties", m("type", "integer", "minimum", 0)))),
                "second", m("type", "array", "items", m("type", "integer", "minimum", 0),
                        "description", "supplementary vote: second preferences transferable to each candidate"),
                "papers", m("type", "array", "description", "preferential counts: bundles of identical papers",
                        "items", m("type", "object", "required", List.of("count", "ranking"), "properties", m(
                                "count", m("type", "integer", "minimum", 0),
                                "ranking", m("type", "array", "items", m("oneOf", List.of(m("type", "integer", "minimum", 1),
                                        m("type", "string"))))))),
                "electorate", m("type", "integer", "minimum", 0),
                "ballotPapersIssued", m("type", "integer", "minimum", 0),
                "rejected", m("type", "integer", "minimum", 0),
                "reason", m("type", "string", "description", "required for a correction")));
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> id = param("id", "path", "Democracy Club election id (local.barnet.2022-05-05, parl.2019-12-12)", true);
        Map<String, Object> bid = param("id", "path", "Democracy Club ballot id (local.barnet.whetstone.2022-05-05)", true);
        paths.put("/api/elections", get("Every election, newest first", "A list of elections", List.of()));
        paths.put("/api/elections/{id}", get("An election: a council's seats, control, gains and losses and every ward; "
                + "or a general election's seats, votes, seats changing hands and marginals; with its headline "
                + "({text, details}: \"Labour GAIN Barnet from Conservative\", or during a count \"Labour 29 of 32 needed, "
                + "6 seats to declare\")", "The election", List.of(id), 404));
        paths.put("/api/elections/{id}/marginals", get("Single-member seats by the swing the runner-up needs", "Marginal seats",
                List.of(id), 404));
        paths.put("/api/elections/{id}/projection", get("Seats projected under national changes in share", "The projection",
                List.of(id, param("changes", "query", "party:points[,party:points], e.g. Con:-3,Lab:+3", false),
                        param("model", "query", "uniform (default) or proportional", false)), 400, 404, 409));
        paths.put("/api/ballots/{id}", get("A contest: candidates, votes, shares and change, majority, swing, elected, "
                + "the count report (stages) for preferential counts, its headline ({text, details}: \"Conservative HOLD "
                + "Chipping Barnet: majority 1,212 (2017: 353)\"); only declared results", "The contest", List.of(bid), 404));
        paths.put("/api/ballots/{id}/result", get("The current result version; its ETag is what If-Match needs. The count "
                + "team sees provisional figures", "The contest with its result", List.of(bid), 401, 404));
        paths.put("/api/ballots/{id}/history", get("Every version of the result: who recorded it, when, and why",
                "Versions, oldest first", List.of(bid), 404));
        paths.put("/api/ballots/{id}/wards", get("The declared ward results added up to boroughs or Assembly constituencies "
                + "(postal votes also on their own), with each area's leader and the check against the declared totals",
                "The roll-up", List.of(bid, param("by", "query", "borough (default) or constituency", false)), 400, 404));
        paths.put("/api/organisations/{slug}/timeline", get("An organisation's by-elections and events, and its composition across elections "
                + "(control facts, elections and events, each with its source)", "The timeline",
                List.of(param("slug", "path", "organisation slug (barnet)", true)), 404));
        paths.put("/api/live", m("get", m("summary", "Server-sent events: 'declaration' and 'correction', each a JSON "
                        + "object with ballotId, electionId, name, status, version, elected, verdict",
                "responses", m("200", m("description", "An event stream", "content", m("text/event-stream", m("schema",
                        m("type", "string"))))))));
        paths.put("/api/ballots/{id}/provisional", write("Enter provisional figures (counted by the ballot's voting system)",
                "results-entry", figures));
        paths.put("/api/ballots/{id}/declare", write("Declare the result: the figures given, or the provisional ones "
                + "(an empty object)", "returning-officer", figures));
        paths.put("/api/ballots/{id}/correct", write("Correct a declared result (reason required)", "returning-officer", figures));
        paths.put("/api/ballots", m("post", m("summary", "Add a ballot and its candidates (admin)",
                "security", List.of(m("bearer", List.of()), m("session", List.of())),
                "requestBody", m("content", m("application/json", m("schema", m("type", "object",
                        "required", List.of("ballotId", "candidates"), "properties", m(
                        "ballotId", m("type", "string"), "name", m("type", "string"), "seats", m("type", "integer", "minimum", 1),
                        "votingSystem", m("type", "string"), "electionName", m("type", "string"),
                        "organisationName", m("type", "string"), "gss", m("type", "string"),
                        "candidates", m("type", "array", "items", m("type", "object", "properties", m("name", m("type", "string"),
                                "party", m("type", "string"), "partyId", m("type", "string"), "partyShort", m("type", "string"))))))))),
                "responses", responses("Created", 400, 401, 403, 409))));
        paths.put("/api/users", m("post", m("summary", "Add a member of the count team (admin)",
                "security", List.of(m("bearer", List.of()), m("session", List.of())),
                "requestBody", m("content", m("application/json", m("schema", m("type", "object", "properties", m(
                        "username", m("type", "string"), "password", m("type", "string", "minLength", 10),
                        "roles", m("type", "array", "items", m("type", "string", "enum",
                                List.of("results-entry", "returning-officer", "admin")))))))),
                "responses", responses("Created", 400, 401, 403, 409))));
        paths.put("/api/tokens", m("post", m("summary", "Issue an API token for a user (admin); shown once",
                "security", List.of(m("bearer", List.of()), m("session", List.of())),
                "requestBody", m("content", m("application/json", m("schema", m("type", "object", "properties", m(
                        "username", m("type", "string"), "label", m("type", "string")))))),
                "responses", responses("Created", 400, 401, 403, 404))));
        paths.put("/api/me", get("Who the request is signed in as", "User name and roles", List.of(), 401));
        paths.put("/api/audit", get("The audit log, newest first (admin)", "Audit entries", List.of(), 401, 403));
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<Integer, String> texts = Map.of(400, "Bad input; the message says what was expected", 401, "Not signed in",
                403, "Wrong role, or a missing CSRF token", 404, "Not in the results store", 409,
                "The result is in the wrong state for this (e.g. already declared)", 412, "The result changed since the ETag "
                        + "sent in If-Match", 422, "The Idempotency-Key was used for another request");
        texts.forEach((k, v) -> errors.put("E" + k, m("description", v, "content", m("application/json", m("schema",
                m("type", "object", "properties", m("status", m("type", "integer"), "error", m("type", "string"))))))));
        return m("openapi", "3.1.0",
                "info", m("title", "Tallyroom results API", "version", "1", "description",
                        "Results as declared, their history and analysis, a live feed, and results entry for the count team. "
                                + "Read-only endpoints allow any origin (CORS) and carry ETags."),
                "paths", paths,
                "components", m("responses", errors, "securitySchemes", m(
                        "bearer", m("type", "http", "scheme", "bearer", "description", "an API token issued by an administrator"),
                        "session", m("type", "apiKey", "in", "cookie", "name", Sessions.COOKIE,
                                "description", "a signed-in session; writes also need the X-CSRF-Token header"))));
    }
}
