package uk.openattendance.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twilio's keywords and the ways parents write them; a sentence that merely uses the word stays a reply about a child. */
class OptOutWordsTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            STOP                              | STOP
            stop                              | STOP
            Stop.                             | STOP
            '  STOP!  '                       | STOP
            STOPALL                           | STOP
            STOP ALL                          | STOP
            stop all please                   | STOP
            Stop please                       | STOP
            please stop                       | STOP
            Stop please thank you             | STOP
            UNSUBSCRIBE                       | STOP
            Unsubscribe me please             | STOP
            CANCEL                            | STOP
            cancel.                           | STOP
            END                               | STOP
            QUIT                              | STOP
            Revoke                            | STOP
            OPTOUT                            | STOP
            opt out                           | STOP
            please stop texting me            | STOP
            Please stop texting me!!          | STOP
            stop sending me these texts       | STOP
            Stop the messages please          | STOP
            don’t text me again               | STOP
            no more texts please              | STOP
            take me off your list             | STOP
            START                             | START
            start please                      | START
            Unstop                            | START
            YES                               | START
            yes.                              | START
            HELP                              | HELP
            help?                             | HELP
            Help please                       | HELP
            INFO                              | HELP
            info pls                          | HELP
            he can't stop being sick          | NONE
            Sorry he can't stop being sick, will text later | NONE
            Amelia is ill, please stop texting me at work about her | NONE
            Yes she's poorly                  | NONE
            yes please                        | NONE
            I need help getting Ben in today  | NONE
            Can you cancel Amelia's dentist slip | NONE
            It's the end of term trip money   | NONE
            Ben is ill                        | NONE
            stop it                           | NONE
            ''                                | NONE
            """)
    void aReplyIsAKeywordOnlyWhenThatIsAllItSays(String body, String expected) {
        assertThat(OptOutWords.of(body).map(Enum::name).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" answered by Twilio: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            STOP          | true
            stopall       | true
            Stop.         | true
            STOP ALL      | false
            Stop please   | false
            please stop texting me | false
            HELP          | true
            """)
    void twilioAnswersOnlyItsOwnExactKeywords(String body, boolean carrier) {
        assertThat(OptOutWords.isCarrierKeyword(body)).isEqualTo(carrier);
    }
}
