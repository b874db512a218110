// FamilyQA web page. Every user-written value reaches the page through textContent, never as HTML.
"use strict";

const state = { token: null, admin: false, familyId: null, cursor: null, mqtt: null, mqttBusy: false };

function $(id) { return document.getElementById(id); }

/** Creates an element with attributes and children; strings become text nodes. */
function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
        if (key === "className") { node.className = value; } else { node.setAttribute(key, value); }
    }
    for (const child of children) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

/** Calls the API; resolves with the JSON body, rejects with the API's error message. */
async function api(method, path, body) {
    const headers = { "Authorization": "Bearer " + state.token, "X-FamilyQA-Client": "web" };
    const options = { method, headers };
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        options.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, options);
    } catch (networkError) {
        throw new Error("The server cannot be reached. Check that it is running, then try again.");
    }
    const json = await response.json().catch(() => ({ message: "The server sent an unreadable response (status "
            + response.status + ")." }));
    if (!response.ok) {
        const error = new Error(json.message || ("Request failed with status " + response.status));
        error.status = response.status;
        throw error;
    }
    return json;
}

function familyPath(rest) { return "/api/families/" + state.familyId + (rest || ""); }

function showError(id, error) { $(id).textContent = error ? error.message : ""; }

/** Disables the button while the action runs, so that a double click sends one request, not two. */
async function whileBusy(button, action) {
    if (button.disabled) { return; }
    button.disabled = true;
    try {
        await action();
    } finally {
        button.disabled = false;
    }
}

/**
 * Copies text to the clipboard and shows a status next to the button. Pages served over plain HTTP to another machine
 * (FAMILYQA_BIND_HOST=0.0.0.0) have no navigator.clipboard, so the text is then selected for Ctrl+C instead.
 */
async function copyText(button, text, source) {
    let message = "Copied";
    try {
        await navigator.clipboard.writeText(text);
    } catch (unavailable) {
        const selection = window.getSelection();
        selection.selectAllChildren(source);
        message = "Selected. Press Ctrl+C to copy.";
    }
    let status = button.nextElementSibling;
    if (!status || !status.classList.contains("copy-status")) {
        status = el("span", { className: "copy-status" });
        button.after(status);
    }
    status.textContent = message;
    setTimeout(() => { status.textContent = ""; }, 3000);
}

// ---- Sign in -------------------------------------------------------------------------------------------------

/** Returns the family id inside a family token (fqa_<id without hyphens>_<secret>), or null for other tokens. */
function familyIdOfToken(token) {
    const match = /^fqa_([0-9a-f]{32})_/.exec(token);
    if (!match) { return null; }
    const hex = match[1];
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

async function signIn(token) {
    state.token = token;
    showError("sign-in-error", null);
    try {
        const familyId = familyIdOfToken(token);
        if (familyId) {
            state.admin = false;
            await openFamily(familyId);
        } else {
            await api("GET", "/api/families?limit=100");
            state.admin = true;
            await showAdmin();
        }
        sessionStorage.setItem("familyqa.token", token);
        $("sign-in").hidden = true;
        $("sign-out").hidden = false;
    } catch (error) {
        state.token = null;
        showError("sign-in-error", error);
    }
}

function signOut() {
    sessionStorage.removeItem("familyqa.token");
    location.reload();
}

// ---- Admin ---------------------------------------------------------------------------------------------------

async function showAdmin() {
    $("admin").hidden = false;
    const page = await api("GET", "/api/families?limit=100");
    const list = $("family-list");
    list.replaceChildren();
    for (const family of page.items) {
        const open = el("button", { className: "secondary" }, "Open");
        open.addEventListener("click", () => whileBusy(open, async () => {
            showError("admin-error", null);
            try {
                await openFamily(family.family_id);
            } catch (error) {
                showError("admin-error", error);
            }
        }));
        list.append(el("li", {}, open, " ", family.name, " ", el("span", { className: "meta" }, family.topic_prefix)));
    }
}

async function createFamily(event) {
    event.preventDefault();
    showError("admin-error", null);
    const body = { name: $("family-name").value.trim() };
    if ($("family-slug").value.trim()) { body.topic_slug = $("family-slug").value.trim(); }
    try {
        const created = await api("POST", "/api/families", body);
        $("created-name").textContent = created.name;
        $("created-token").textContent = created.token;
        $("created-family").hidden = false;
        $("create-family-form").reset();
        await showAdmin();
    } catch (error) {
        showError("admin-error", error);
    }
}

// ---- Family --------------------------------------------------------------------------------------------------

async function openFamily(familyId) {
    state.familyId = familyId;
    const family = await api("GET", familyPath());
    $("admin").hidden = true;
    $("tabs").hidden = false;
    $("back-to-families").hidden = !state.admin;
    $("family-title").textContent = family.name;
    showTab("questions");
    await loadQuestions(true);
    try {
        await loadMqttStatus();
    } catch (error) {
        $("mqtt-message").textContent = error.message;
    }
}

async function backToFamilies() {
    for (const section of document.querySelectorAll("section.tab")) { section.hidden = true; }
    $("tabs").hidden = true;
    $("mqtt-credentials").hidden = true;
    $("mqtt-message").textContent = "";
    $("filter-category").value = "";
    state.familyId = null;
    try {
        await showAdmin();
    } catch (error) {
        showError("admin-error", error);
    }
}

function showTab(name) {
    for (const section of document.querySelectorAll("section.tab")) { section.hidden = section.id !== name; }
    for (const button of document.querySelectorAll("nav button[data-tab]")) {
        button.classList.toggle("active", button.dataset.tab === name);
    }
}

async function loadQuestions(fromStart) {
    showError("questions-error", null);
    if (fromStart) { state.cursor = null; $("question-list").replaceChildren(); }
    const params = new URLSearchParams({ limit: "20" });
    const category = $("filter-category").value.trim();
    if (category) { params.set("category", category); }
    if (state.cursor) { params.set("cursor", state.cursor); }
    try {
        const page = await api("GET", familyPath("/questions?" + params));
        for (const question of page.items) { $("question-list").append(renderQuestion(question)); }
        state.cursor = page.next_cursor;
        $("more-questions").hidden = !state.cursor;
    } catch (error) {
        showError("questions-error", error);
    }
}

function renderQuestion(question) {
    const answers = el("div", {});
    const item = el("li", { className: "question" },
        el("div", { className: "text" }, question.question_text),
        el("div", { className: "meta" }, [question.category, question.asked_by || "someone",
            new Date(question.created_at).toLocaleString(), "via " + question.source].join(" · ")),
        answers);
    const showAnswers = el("button", { className: "secondary", type: "button" }, "Answers");
    const answerButton = el("button", { type: "submit" }, "Answer");
    const form = el("form", {});
    const text = el("input", { placeholder: "Your answer", maxlength: "5000", required: "" });
    const by = el("input", { placeholder: "your name (optional)", maxlength: "100" });
    form.append(text, by, answerButton);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        whileBusy(answerButton, () => answer(question, text, by, form, answers, answerError));
    });
    showAnswers.addEventListener("click", () => whileBusy(showAnswers, () => fillAnswers(question.question_id, answers)));
    const answerError = el("p", { className: "error" });
    item.append(showAnswers, form, answerError);
    return item;
}

async function answer(question, text, by, form, answers, answerError) {
    answerError.textContent = "";
    const body = { answer_text: text.value };
    if (by.value.trim()) { body.answered_by = by.value.trim(); }
    try {
        await api("POST", familyPath("/questions/" + question.question_id + "/answers"), body);
        form.reset();
        await fillAnswers(question.question_id, answers);
    } catch (error) {
        answerError.textContent = error.message;
    }
}

async function fillAnswers(questionId, container) {
    let question;
    try {
        question = await api("GET", familyPath("/questions/" + questionId));
    } catch (error) {
        container.replaceChildren(el("p", { className: "error" }, error.message));
        return;
    }
    container.replaceChildren();
    if (question.answers.length === 0) { container.append(el("p", { className: "meta" }, "No answers yet.")); }
    for (const answer of question.answers) {
        container.append(el("div", { className: "answer" },
            el("div", { className: "text" }, answer.answer_text),
            el("div", { className: "meta" }, (answer.answered_by || "someone") + " · "
                + new Date(answer.created_at).toLocaleString())));
    }
}

async function ask() {
    showError("questions-error", null);
    const body = { question_text: $("question-text").value };
    if ($("question-category").value.trim()) { body.category = $("question-category").value.trim(); }
    if ($("asked-by").value.trim()) { body.asked_by = $("asked-by").value.trim(); }
    try {
        await api("POST", familyPath("/questions"), body);
        $("question-text").value = "";
        await loadQuestions(true);
    } catch (error) {
        showError("questions-error", error);
    }
}

// ---- MQTT ----------------------------------------------------------------------------------------------------

async function loadMqttStatus() {
    state.mqtt = await api("GET", familyPath("/mqtt/status"));
    renderMqtt();
}

function renderMqtt() {
    const status = state.mqtt;
    $("mqtt-state").textContent = status.enabled ? "enabled" : "disabled";
    $("mqtt-toggle").textContent = status.enabled ? "Disable" : "Enable";
    $("mqtt-reset").disabled = !status.enabled;
    $("mqtt-test").disabled = !status.enabled;
    $("mqtt-warning").textContent = status.needs_credentials_reset
        ? "The broker lost this account; reset the password before devices can connect." : "";
    const details = $("mqtt-details");
    details.replaceChildren();
    const rows = [["Broker", status.broker.host], ["Port", status.broker.port],
        ["TLS port", status.broker.tls_port === null ? "none" : status.broker.tls_port],
        ["Username", status.username || "(issued when enabled)"], ["Topic prefix", status.topic_prefix],
        ["Topics", status.topics.join("\n")],
        ["Password issued", status.issued_at ? new Date(status.issued_at).toLocaleString() : "never"]];
    for (const [name, value] of rows) { details.append(el("dt", {}, name), el("dd", { className: "text" }, value)); }
    renderDocs(status);
}

function showCredentials(credentials) {
    $("cred-username").textContent = credentials.username;
    $("cred-password").textContent = credentials.password;
    $("mqtt-credentials").hidden = false;
}

const MQTT_BUTTONS = ["mqtt-toggle", "mqtt-reset", "mqtt-test"];

/** Runs one MQTT panel action with all its buttons disabled, so that a double click cannot enable twice. */
async function mqttAction(action) {
    if (!state.mqtt || state.mqttBusy) { return; }
    state.mqttBusy = true;
    for (const id of MQTT_BUTTONS) { $(id).disabled = true; }
    try {
        await runMqttAction(action);
    } finally {
        state.mqttBusy = false;
        renderMqtt();
    }
}

async function runMqttAction(action) {
    $("mqtt-message").textContent = "";
    try {
        if (action === "toggle" && !state.mqtt.enabled) {
            showCredentials(await api("POST", familyPath("/mqtt/enable")));
        } else if (action === "toggle") {
            await api("POST", familyPath("/mqtt/disable"));
            $("mqtt-credentials").hidden = true;
        } else if (action === "reset") {
            showCredentials(await api("POST", familyPath("/mqtt/credentials/reset")));
        } else if (action === "test") {
            const result = await api("POST", familyPath("/mqtt/test"));
            $("mqtt-message").textContent = "Round trip through the broker: " + result.round_trip_ms.toFixed(1) + " ms";
        }
        await loadMqttStatus();
    } catch (error) {
        $("mqtt-message").textContent = error.message;
    }
}

// ---- Documentation -------------------------------------------------------------------------------------------

function renderDocs(status) {
    const host = status.broker.host;
    const port = status.broker.port;
    const prefix = status.topic_prefix;
    const user = status.username || ("fam-" + prefix.split("/")[1]);
    const blocks = [
        ["Broker", [
            "host       " + host,
            "port       " + port + " (MQTT 3.1.1 and 5, plain)",
            "TLS port   " + (status.broker.tls_port === null ? "none" : status.broker.tls_port),
            "username   " + user,
            "password   PASSWORD"].join("\n")],
        ["Topics", [
            prefix + "/questions   new questions (server publishes, subscribe here)",
            prefix + "/answers     new answers (server publishes)",
            prefix + "/ask         send a question",
            prefix + "/respond     send an answer",
            prefix + "/errors      why a message was rejected"].join("\n")],
        ["Ask payload (" + prefix + "/ask)",
            '{"question_text": "Who walks the dog?", "category": "general", "asked_by": "Ana", "request_id": "r-17"}'],
        ["Respond payload (" + prefix + "/respond)",
            '{"question_id": "<question id>", "answer_text": "Luis", "answered_by": "Ana", "request_id": "r-18"}'],
        ["Question event (" + prefix + "/questions)",
            '{"question_id": "...", "family_id": "...", "question_text": "...", "category": "general",\n'
            + ' "asked_by": null, "source": "mqtt", "created_at": "2025-01-01T12:00:00Z", "request_id": "r-17"}'],
        ["mosquitto_sub / mosquitto_pub",
            `mosquitto_sub -h ${host} -p ${port} -u ${user} -P PASSWORD -t '${prefix}/#' -v\n`
            + `mosquitto_pub -h ${host} -p ${port} -u ${user} -P PASSWORD -t '${prefix}/ask' -q 1 \\\n`
            + `  -m '{"question_text": "Hello from the shell?"}'`],
        ["Python (paho-mqtt 2.x)",
            `import json\nimport paho.mqtt.client as mqtt\n\n`
            + `def on_connect(client, userdata, flags, reason_code, properties):\n`
            + `    client.subscribe("${prefix}/#", qos=1)\n`
            + `    client.publish("${prefix}/ask", json.dumps({"question_text": "Hello from Python?"}), qos=1)\n\n`
            + `def on_message(client, userdata, message):\n    print(message.topic, message.payload.decode("utf-8"))\n\n`
            + `client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)\n`
            + `client.username_pw_set("${user}", "PASSWORD")\nclient.on_connect = on_connect\n`
            + `client.on_message = on_message\nclient.connect("${host}", ${port})\nclient.loop_forever()`],
        ["JavaScript (MQTT.js)",
            `const mqtt = require("mqtt");\n`
            + `const client = mqtt.connect("mqtt://${host}:${port}", { username: "${user}", password: "PASSWORD" });\n`
            + `client.on("connect", () => {\n  client.subscribe("${prefix}/#", { qos: 1 });\n`
            + `  client.publish("${prefix}/ask", JSON.stringify({ question_text: "Hello from JavaScript?" }), { qos: 1 });\n});\n`
            + `client.on("message", (topic, payload) => console.log(topic, payload.toString("utf8")));`],
        ["Arduino / ESP32 (PubSubClient)",
            `#include <WiFi.h>\n#include <PubSubClient.h>\n\nWiFiClient wifi;\nPubSubClient mqtt(wifi);\n\n`
            + `void onMessage(char* topic, byte* payload, unsigned int length) {\n`
            + `  Serial.write(payload, length);\n  Serial.println();\n}\n\n`
            + `void setup() {\n  Serial.begin(115200);\n  // WiFi.begin(...) first.\n`
            + `  mqtt.setServer("${host}", ${port});\n`
            + `  // The default 256-byte buffer silently drops larger messages; match the broker's 16 KiB maximum.\n`
            + `  mqtt.setBufferSize(16384);\n  mqtt.setCallback(onMessage);\n}\n\n`
            + `void loop() {\n  if (!mqtt.connected() && mqtt.connect("esp32-${prefix.split("/")[1].slice(0, 8)}", "${user}", "PASSWORD")) {\n`
            + `    mqtt.subscribe("${prefix}/questions");\n    mqtt.subscribe("${prefix}/errors");\n  }\n  mqtt.loop();\n}`],
        ["ESPHome",
            `mqtt:\n  broker: ${host}\n  port: ${port}\n  username: ${user}\n  password: !secret familyqa_password\n`
            + `  on_json_message:\n    - topic: ${prefix}/questions\n      then:\n`
            + `        - logger.log:\n            format: "Question: %s"\n`
            + `            args: ['x["question_text"].as<std::string>().c_str()']`],
        ["Home Assistant (configuration.yaml)",
            `mqtt:\n  sensor:\n    - name: "Family question"\n      unique_id: familyqa_${prefix.split("/")[1].slice(0, 8)}_question\n`
            + `      state_topic: "${prefix}/questions"\n      value_template: "{{ value_json.question_text[:255] }}"\n`
            + `      json_attributes_topic: "${prefix}/questions"\n`
            + `# Ask from an automation:\n# service: mqtt.publish\n# data:\n#   topic: ${prefix}/ask\n`
            + `#   payload: '{"question_text": "Is anyone home?"}'`]];
    const container = $("doc-blocks");
    container.replaceChildren();
    for (const [title, code] of blocks) {
        const pre = el("pre", {}, code);
        const copy = el("button", { className: "secondary" }, "Copy");
        copy.addEventListener("click", () => copyText(copy, code, pre));
        container.append(el("h3", {}, title, " "), copy, pre);
    }
}

// ---- Wiring --------------------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
    $("sign-in-form").addEventListener("submit", (event) => {
        event.preventDefault();
        signIn($("token").value.trim());
    });
    $("sign-out").addEventListener("click", signOut);
    $("create-family-form").addEventListener("submit", createFamily);
    $("ask-form").addEventListener("submit", (event) => {
        event.preventDefault();
        whileBusy($("ask-form").querySelector("button[type=submit]"), ask);
    });
    $("back-to-families").addEventListener("click", backToFamilies);
    $("filter-category").addEventListener("change", () => loadQuestions(true));
    $("more-questions").addEventListener("click", () => loadQuestions(false));
    $("mqtt-toggle").addEventListener("click", () => mqttAction("toggle"));
    $("mqtt-reset").addEventListener("click", () => mqttAction("reset"));
    $("mqtt-test").addEventListener("click", () => mqttAction("test"));
    for (const button of document.querySelectorAll("nav button[data-tab]")) {
        button.addEventListener("click", () => showTab(button.dataset.tab));
    }
    for (const button of document.querySelectorAll("button.copy")) {
        button.addEventListener("click", () => copyText(button, $(button.dataset.copy).textContent, $(button.dataset.copy)));
    }
    const saved = sessionStorage.getItem("familyqa.token");
    if (saved) { signIn(saved); }
});
