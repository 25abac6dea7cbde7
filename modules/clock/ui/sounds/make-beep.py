#!/usr/bin/env python3
# Writes beep.wav, the Clock's alarm and timer sound: two short 880 Hz
# beeps and a pause, one second long (it loops while an alarm rings), 16-bit
# mono at 22050 Hz with soft edges so it does not click. Our own sound, so
# no licence questions; about 44 KB. Run: python3 make-beep.py
import math
import struct
import wave

RATE = 22050
FREQUENCY = 880.0
VOLUME = 0.45
FADE = int(0.008 * RATE)


def beep(seconds):
    count = int(seconds * RATE)
    samples = []
    for i in range(count):
        edge = min(1.0, i / FADE, (count - 1 - i) / FADE)
        samples.append(VOLUME * edge * math.sin(2 * math.pi * FREQUENCY * i / RATE))
    return samples


def silence(seconds):
    return [0.0] * int(seconds * RATE)


samples = beep(0.14) + silence(0.08) + beep(0.14) + silence(0.64)
with wave.open("beep.wav", "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(RATE)
    out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
