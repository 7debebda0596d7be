package dev.gracefulworker.functions.kubernetes;

import dev.gracefulworker.functions.Json;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;

/**
 * Runs a call client-java built (auth, TLS, timeouts) but decodes the answer with Jackson into a record holding only
 * the fields we read: an order of magnitude less CPU and allocation than its Gson models (see {@link PodListPage}).
 */
final class JacksonAnswers {

    private JacksonAnswers() {}

    static <T> T read(okhttp3.Call call, Class<T> type, String what) throws ApiException {
        try (okhttp3.Response response = call.execute()) {
            okhttp3.ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new ApiException(response.message(), response.code(), response.headers().toMultimap(),
                        body == null ? null : body.string());
            }
            if (body == null) {
                throw new ApiException("empty answer to " + what, response.code(), response.headers().toMultimap(), null);
            }
            return Json.mapper().readValue(body.byteStream(), type);
        } catch (IOException e) {
            // client-java's own convention: code 0 = no usable HTTP answer (timeout, refused, TLS, cut-off body)
            throw new ApiException(e);
        }
    }
}
