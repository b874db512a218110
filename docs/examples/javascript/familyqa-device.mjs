// A FamilyQA device in Node.js with MQTT.js, over MQTT 5: asks a question, waits until the server publishes it,
// answers it, waits for the answer, and exits. The ask carries a response topic and correlation data, so the server
// also replies to it directly.
//
//   npm install        (once, in this folder)
//   FAMILYQA_HOST=... FAMILYQA_USERNAME=... FAMILYQA_PASSWORD=... FAMILYQA_TOPIC_PREFIX=family/... \
//     node familyqa-device.mjs
//
// Settings, from the environment:
//   FAMILYQA_HOST           broker host name (default localhost)
//   FAMILYQA_PORT           broker port (default 1883, or 8883 with FAMILYQA_CA_FILE)
//   FAMILYQA_CA_FILE        PEM certificate to trust; when set, the connection uses TLS
//   FAMILYQA_USERNAME       MQTT username from POST /api/families/{id}/mqtt/enable
//   FAMILYQA_PASSWORD       MQTT password from the same response
//   FAMILYQA_TOPIC_PREFIX   topic prefix from the same response, such as family/the-garcias
//   FAMILYQA_QUESTION       the question to ask (default "Who is cooking tonight?")
//   FAMILYQA_LISTEN         set to 1 to keep printing new questions and answers instead of exiting
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import mqtt from "mqtt";

const env = process.env;
const required = (name) => {
    const value = env[name];
    if (!value) {
        console.error(`Set ${name}; see the comment at the top of this file.`);
        process.exit(2);
    }
    return value;
};

const host = env.FAMILYQA_HOST || "localhost";
const caFile = env.FAMILYQA_CA_FILE;
const port = Number(env.FAMILYQA_PORT || (caFile ? 8883 : 1883));
const prefix = required("FAMILYQA_TOPIC_PREFIX");
const questionText = env.FAMILYQA_QUESTION || "Who is cooking tonight?";
const listen = env.FAMILYQA_LISTEN === "1";
const runId = randomUUID().slice(0, 8);
const askId = `js-ask-${runId}`;
const respondId = `js-respond-${runId}`;
// A reply topic below the prefix, not one of its fixed topics; the family's account may subscribe to it.
const replyTopic = `${prefix}/replies/js-${runId}`;

const client = mqtt.connect(`${caFile ? "mqtts" : "mqtt"}://${host}:${port}`, {
    protocolVersion: 5,
    clientId: `fqa-example-js-${runId}`,
    username: required("FAMILYQA_USERNAME"),
    password: required("FAMILYQA_PASSWORD"),
    ca: caFile ? readFileSync(caFile) : undefined,
    reconnectPeriod: listen ? 2000 : 0,
});

const timer = listen ? null : setTimeout(() => finish(1, "no answer from the server within 20 s"), 20_000);

function finish(code, reason) {
    if (reason) {
        console.error(reason);
    }
    clearTimeout(timer);
    client.end(false, () => process.exit(code));
}

client.on("connect", async () => {
    await client.subscribeAsync([`${prefix}/questions`, `${prefix}/answers`, `${prefix}/errors`, replyTopic],
        { qos: 1 });
    if (listen) {
        console.log(`listening on ${prefix}/#`);
        return;
    }
    const ask = { question_text: questionText, category: "general", asked_by: "JavaScript", request_id: askId };
    await client.publishAsync(`${prefix}/ask`, JSON.stringify(ask), {
        qos: 1,
        properties: { responseTopic: replyTopic, correlationData: Buffer.from(askId) },
    });
});

client.on("message", (topic, payload, packet) => {
    const message = JSON.parse(payload.toString("utf8"));
    if (topic === replyTopic) {
        const correlation = packet.properties?.correlationData?.toString("utf8");
        console.log(`reply for ${correlation}: ${JSON.stringify(message)}`);
    } else if (topic.endsWith("/errors")) {
        console.error(`rejected: ${message.error} ${message.field ?? ""} ${message.message}`);
        if (!listen && (message.request_id === askId || message.request_id === respondId)) {
            finish(1);
        }
    } else if (topic.endsWith("/questions")) {
        console.log(`question ${message.question_id} from ${message.asked_by ?? "someone"}: ${message.question_text}`);
        if (!listen && message.request_id === askId) {
            console.log(`asked and received question ${message.question_id}`);
            const respond = { question_id: message.question_id, answer_text: "I am, from JavaScript.",
                answered_by: "JavaScript", request_id: respondId };
            client.publish(`${prefix}/respond`, JSON.stringify(respond), { qos: 1 });
        }
    } else if (topic.endsWith("/answers")) {
        console.log(`answer ${message.answer_id} to ${message.question_id}: ${message.answer_text}`);
        if (!listen && message.request_id === respondId) {
            console.log(`answered question ${message.question_id}`);
            finish(0);
        }
    }
});

client.on("error", (error) => {
    // A refused connection (wrong password, MQTT turned off for the family) ends up here.
    console.error(`MQTT error: ${error.message}`);
    if (!listen) {
        finish(1);
    }
});
