/* test_textstats — words and sentences as ICU's break iterators count them, with
 * the joins textstats adds (compounds, grouped numbers, initials), in Ukrainian,
 * English and Polish; what of a brief is measured, with each long sentence's line;
 * reading time and pages.
 *
 *     build/test_textstats
 */
#include "brief.h"
#include "textstats.h"
#include "unit.h"

#include <libxml/parser.h>
#include <unicode/uclean.h>

/* The words of `text` in `lang` (-1 on failure). */
static long words(const char *text, const char *lang) {
    bg_text_counts c;
    return bg_textstats_count(text, lang, &c) ? -1 : c.words;
}

static long sentences(const char *text, const char *lang) {
    bg_text_counts c;
    return bg_textstats_count(text, lang, &c) ? -1 : c.sentences;
}

static void test_words(void) {
    check_int("Ukrainian words are counted, punctuation is not", words("Громади, ради й мешканці — разом.", "uk"), 5);
    check_int("a straight apostrophe keeps a Ukrainian word whole", words("м'ясо та п'ять", "uk"), 3);
    check_int("a typographic apostrophe keeps a Ukrainian word whole", words("м’ясо та п’ять", "uk"), 3);
    check_int("the modifier-letter apostrophe keeps a Ukrainian word whole", words("м\xCA\xBCясо", "uk"), 1);
    check_int("a hyphenated compound is one word (uk)", words("соціально-економічний розвиток", "uk"), 2);
    check_int("a hyphenated compound is one word (en)", words("a well-being check-up", "en"), 3);
    check_int("an en dash between years makes two numbers", words("2014–2020 роки", "uk"), 3);
    check_int("a number grouped with a space is one word", words("1 469 громад", "uk"), 2);
    check_int("a number grouped with a no-break space is one word",
              words("1\xC2\xA0"
                    "469 громад",
                    "uk"),
              2);
    check_int("a number grouped twice with thin spaces is one word",
              words("1\xE2\x80\xAF"
                    "250\xE2\x80\xAF"
                    "000 osób",
                    "pl"),
              2);
    check_int("a number with a comma is one word", words("1,469 municipalities", "en"), 2);
    check_int("a year then a count are two numbers", words("in 2020 120 councils", "en"), 4);
    check_int("a number then a date are two words", words("25 лютого", "uk"), 2);
    check_int("an abbreviation with full stops is one word", words("e.g. this", "en"), 2);
    check_int("Polish words with diacritics are words", words("Zażółć gęślą jaźń.", "pl"), 3);
    check_int("a text of spaces and dashes has no words", words("  — … ", "uk"), 0);
}

static void test_sentences(void) {
    check_int("three English sentences", sentences("One. Two words? Three words here!", "en"), 3);
    check_int("\"e.g.\" does not end an English sentence", sentences("Use tools, e.g. surveys. Then act.", "en"), 2);
    check_int("\"Prof.\" does not end an English sentence (CLDR's abbreviations)",
              sentences("Ask Prof. Smith today. Then act.", "en"), 2);
    check_int("\"т. зв.\" before a lower-case word does not end a Ukrainian sentence",
              sentences("Це т. зв. громадський бюджет. Він працює.", "uk"), 2);
    check_int("\"тис.\" before a lower-case word does not end a Ukrainian sentence",
              sentences("Понад 5 тис. мешканців узяли участь. Це багато.", "uk"), 2);
    check_int("an initial does not end a Ukrainian sentence",
              sentences("Як писав М. Грушевський, громада важить. Так.", "uk"), 2);
    check_int("\"np.\" before a lower-case word does not end a Polish sentence",
              sentences("Gminy, np. duże miasta, działają. Rady też.", "pl"), 2);
    check_int("a decimal number does not end a sentence", sentences("Ріст на 2.5 відсотка. Так.", "uk"), 2);
    check_int("a line break inside a paragraph does not end a sentence", sentences("Перший рядок\nдругий рядок.", "uk"),
              1);
    check_int("a heading without a full stop is one sentence", sentences("Ключові висновки", "uk"), 1);
    check_int("punctuation alone is no sentence", sentences("— …", "uk"), 0);
}

static const char brief[] =
    "<brief xmlns='urn:briefgen:brief:1' id='x' date='2025-01-01' source-lang='en' langs='en'>\n"
    "<meta><title>A short title</title><person><name>Not Counted Here</name></person>\n"
    "<keywords><keyword>notcounted</keyword></keywords></meta>\n"
    "<summary><p>One two three four five six seven eight nine ten eleven\n"
    "twelve.<fn>Footnote words here.</fn> Short one.</p>\n"
    "<p>Short.\nA sentence of eleven words that starts on the line after.</p></summary>\n"
    "<figure id='f' src='x.svg'><alt>Alternative text is not counted.</alt></figure>\n"
    "<references><ref id='r'>Neither are references.</ref></references>\n"
    "</brief>\n";

static void test_brief(void) {
    xmlDocPtr doc = xmlReadMemory(brief, (int)sizeof brief - 1, "t.xml", NULL, 0);
    bg_textstats s = {0};
    check("a small brief is measured", doc && bg_textstats_measure(doc, "en", 10, &s) == 0);
    check_int("title, summary and footnote are counted; meta's rest, alt and references are not", s.counts.words,
              3 + 14 + 3 + 12);
    check_int("the title, the summary's four sentences and the footnote's", s.counts.sentences, 6);
    check_int("two sentences are over 10 words", (long)s.nlongs, 2);
    if (s.nlongs == 2) {
        check_int("the long sentence's words", s.longs[0].words, 12);
        check_int("the long sentence's line is where it starts", s.longs[0].line, 4);
        check_str("the long sentence's first ten words, cut", s.longs[0].start ? strdup(s.longs[0].start) : NULL,
                  "One two three four five six seven eight nine ten\xE2\x80\xA6");
        check_int("a sentence after a line break in its paragraph is on the next line", s.longs[1].line, 7);
        check_str("a long sentence is cut after ten words, its line break a space",
                  s.longs[1].start ? strdup(s.longs[1].start) : NULL,
                  "A sentence of eleven words that starts on the line\xE2\x80\xA6");
    }
    bg_textstats_clear(&s);
    check("a cleared measure holds nothing", s.nlongs == 0 && s.longs == NULL && s.counts.words == 0);
    xmlFreeDoc(doc);
}

static void test_time(void) {
    check_int("one word takes a minute", bg_textstats_minutes(1, "en"), 1);
    check_int("no words still take a minute", bg_textstats_minutes(0, "uk"), 1);
    check_int("minutes are rounded up", bg_textstats_minutes(bg_textstats_words_per_minute("en") + 1, "en"), 2);
    check_int("a regional tag reads at its language's rate", bg_textstats_words_per_minute("uk-UA"),
              bg_textstats_words_per_minute("uk"));
    check("Ukrainian is read at fewer words a minute than English",
          bg_textstats_words_per_minute("uk") < bg_textstats_words_per_minute("en"));
    check_int("pages are rounded up", bg_textstats_pages(bg_textstats_words_per_page("pl") + 1, "pl"), 2);
    check_int("a short text is one page", bg_textstats_pages(3, "en"), 1);
    check_int("the sample's 1,722 Ukrainian words are its 8 pages", bg_textstats_pages(1722, "uk"), 8);
    check_int("the sample's 2,061 English words are its 8 pages", bg_textstats_pages(2061, "en"), 8);
    check_int("a language without a rate of its own is read at the default", bg_textstats_words_per_minute("de"), 165);
}

int main(void) {
    test_words();
    test_sentences();
    test_brief();
    test_time();
    xmlCleanupParser();
    u_cleanup();
    return unit_end();
}
