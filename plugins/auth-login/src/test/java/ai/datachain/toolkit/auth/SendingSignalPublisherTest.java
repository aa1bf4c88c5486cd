package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The moment the HTTP client starts writing a request, seen from the request's body. */
class SendingSignalPublisherTest {

    @Test
    void untilTheClientAsksNothingIsSignalled() {
        SendingSignalPublisher body = new SendingSignalPublisher(HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(body.sending()).isNotDone();
    }

    @Test
    void askingForTheLengthSignalsAndGivesTheBodysLength() {
        SendingSignalPublisher empty = new SendingSignalPublisher(HttpRequest.BodyPublishers.noBody());
        SendingSignalPublisher json = new SendingSignalPublisher(HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(empty.contentLength()).isZero();
        assertThat(json.contentLength()).isEqualTo(2);
        assertThat(empty.sending()).isDone();
        assertThat(json.sending()).isDone();
    }

    @Test
    void subscribingSignalsAndPassesTheSubscriberOn() {
        SendingSignalPublisher body = new SendingSignalPublisher(HttpRequest.BodyPublishers.ofString("{}"));
        StringBuilder received = new StringBuilder();

        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                received.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                received.append("error: ").append(throwable);
            }

            @Override
            public void onComplete() {
                received.append(" (complete)");
            }
        });

        assertThat(body.sending()).isDone();
        assertThat(received).hasToString("{} (complete)");
    }
}
