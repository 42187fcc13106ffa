package org.corpconnect.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeTextTest {

    @Test
    void ordinaryTextOfEveryPlaneIsStorable() {
        assertEquals(Optional.empty(), ExchangeText.problemOf("Beratung für Jürgen \uD83D\uDE00 \u4E2D\u6587\tok\r\n"));
        assertEquals(Optional.empty(), ExchangeText.problemOf("\uFFFD private use \uE000 \uDBFF\uDFFD"));
    }

    @Test
    void namesTheFirstCharacterExchangeCannotStore() {
        assertTrue(ExchangeText.problemOf("a\u0000b").orElseThrow().contains("U+0000 at character 2"));
        assertTrue(ExchangeText.problemOf("ab\u0001").orElseThrow().contains("U+0001 at character 3"));
        assertTrue(ExchangeText.problemOf("\uFFFE").orElseThrow().contains("U+FFFE"));
        assertTrue(ExchangeText.problemOf("x\uFFFF").orElseThrow().contains("U+FFFF"));
        assertTrue(ExchangeText.problemOf("\uFDD0").orElseThrow().contains("non-character U+FDD0"));
        assertTrue(ExchangeText.problemOf("\uD83F\uDFFE").orElseThrow().contains("non-character U+1FFFE"));
    }

    @Test
    void aLoneSurrogateHighOrLowIsNotText() {
        assertTrue(ExchangeText.problemOf("a\uD800").orElseThrow().contains("lone surrogate (U+D800) at character 2"));
        assertTrue(ExchangeText.problemOf("\uDC00a").orElseThrow().contains("lone surrogate (U+DC00) at character 1"));
        assertTrue(ExchangeText.problemOf("\uDC00\uD800").orElseThrow().contains("U+DC00"), "reversed pair");
    }
}
