// Hooks for a display. The firmware calls them besides writing to Serial; the default definitions in main.cpp do
// nothing. To drive a screen, define these functions in another file under src/: your definitions replace the
// defaults, because those are declared weak.
#pragma once

#include "familyqa_protocol.h"

// Called when a new latest question arrives, and again when a new answer to it arrives.
void displayQuestion(const familyqa::Question& question, unsigned answerCount);

// Called with a short status line: connection changes, the selected answer, whether an answer was stored.
void displayStatus(const char* status);
