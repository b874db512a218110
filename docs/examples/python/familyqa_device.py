#!/usr/bin/env python3
"""A FamilyQA device in Python with paho-mqtt, over MQTT 3.1.1.

Asks a question, waits until the server publishes it on the questions topic (recognised by its request_id), answers
it, waits for the answer, and exits. Runs with paho-mqtt 1.x and 2.x.

    FAMILYQA_HOST=... FAMILYQA_USERNAME=... FAMILYQA_PASSWORD=... FAMILYQA_TOPIC_PREFIX=family/... \\
        python3 familyqa_device.py

Settings, from the environment:
    FAMILYQA_HOST          broker host name (default localhost)
    FAMILYQA_PORT          broker port (default 1883, or 8883 with FAMILYQA_CA_FILE)
    FAMILYQA_CA_FILE       PEM certificate to trust; when set, the connection uses TLS
    FAMILYQA_USERNAME      MQTT username from POST /api/families/{id}/mqtt/enable
    FAMILYQA_PASSWORD      MQTT password from the same response
    FAMILYQA_TOPIC_PREFIX  topic prefix from the same response, such as family/the-garcias
    FAMILYQA_QUESTION      the question to ask (default "What should we plant in the garden?")
    FAMILYQA_LISTEN        set to 1 to keep printing new questions and answers instead of exiting
"""
import json
import os
import sys
import threading
import uuid

import paho.mqtt.client as mqtt


def setting(name, default=None):
    value = os.environ.get(name, default)
    if value is None or value == "":
        sys.exit("Set %s; see the top of this file." % name)
    return value


HOST = setting("FAMILYQA_HOST", "localhost")
CA_FILE = os.environ.get("FAMILYQA_CA_FILE")
PORT = int(setting("FAMILYQA_PORT", "8883" if CA_FILE else "1883"))
USERNAME = setting("FAMILYQA_USERNAME")
PASSWORD = setting("FAMILYQA_PASSWORD")
PREFIX = setting("FAMILYQA_TOPIC_PREFIX")
QUESTION = setting("FAMILYQA_QUESTION", "What should we plant in the garden?")
LISTEN = os.environ.get("FAMILYQA_LISTEN") == "1"

RUN_ID = uuid.uuid4().hex[:8]
ASK_ID = "py-ask-" + RUN_ID
RESPOND_ID = "py-respond-" + RUN_ID

done = threading.Event()
outcome = {"code": 1}


def new_client():
    """Creates a client with the callback signatures of paho-mqtt 2.x, or of 1.x when that is installed."""
    client_id = "fqa-example-py-" + RUN_ID
    if hasattr(mqtt, "CallbackAPIVersion"):
        return mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv311)
    return mqtt.Client(client_id=client_id, protocol=mqtt.MQTTv311)


def send(client, topic, message):
    # ensure_ascii=False sends text as UTF-8 rather than \\u escapes; both are accepted.
    client.publish(topic, json.dumps(message, ensure_ascii=False).encode("utf-8"), qos=1)


def finish(code):
    outcome["code"] = code
    done.set()


# paho-mqtt 1.x calls on_connect(client, userdata, flags, rc). Version 2.x adds properties and passes a ReasonCode.
def on_connect(client, userdata, flags, reason_code, properties=None):
    code = getattr(reason_code, "value", reason_code)
    if code != 0:
        # A wrong password, or MQTT turned off for the family, is refused here.
        print("connection refused: %s" % reason_code, file=sys.stderr)
        finish(1)
        return
    # Subscribing on every connect restores the subscriptions after a reconnect.
    client.subscribe([(PREFIX + "/questions", 1), (PREFIX + "/answers", 1), (PREFIX + "/errors", 1)])
    if LISTEN:
        print("listening on %s/#" % PREFIX)
    else:
        send(client, PREFIX + "/ask", {"question_text": QUESTION, "category": "general", "asked_by": "Python",
                                       "request_id": ASK_ID})


def on_message(client, userdata, message):
    event = json.loads(message.payload.decode("utf-8"))
    topic = message.topic
    if topic.endswith("/errors"):
        print("rejected: %s %s %s" % (event["error"], event["field"] or "", event["message"]), file=sys.stderr)
        if not LISTEN and event["request_id"] in (ASK_ID, RESPOND_ID):
            finish(1)
    elif topic.endswith("/questions"):
        print("question %s from %s: %s" % (event["question_id"], event["asked_by"] or "someone",
                                           event["question_text"]))
        if not LISTEN and event["request_id"] == ASK_ID:
            print("asked and received question %s" % event["question_id"])
            send(client, PREFIX + "/respond", {"question_id": event["question_id"],
                                               "answer_text": "Tomatoes, from Python.",
                                               "answered_by": "Python", "request_id": RESPOND_ID})
    elif topic.endswith("/answers"):
        print("answer %s to %s: %s" % (event["answer_id"], event["question_id"], event["answer_text"]))
        if not LISTEN and event["request_id"] == RESPOND_ID:
            print("answered question %s" % event["question_id"])
            finish(0)


def main():
    client = new_client()
    client.username_pw_set(USERNAME, PASSWORD)
    if CA_FILE:
        client.tls_set(ca_certs=CA_FILE)
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(HOST, PORT, keepalive=30)
    if LISTEN:
        client.loop_forever()
        return 0
    client.loop_start()
    if not done.wait(20):
        print("no answer from the server within 20 s", file=sys.stderr)
    client.disconnect()
    client.loop_stop()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
