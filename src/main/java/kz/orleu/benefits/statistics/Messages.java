package kz.orleu.benefits.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The workbook's words in one language, from {@code statistics/messages_<code>.properties} (UTF-8). Arguments are
 * put in for {@code {0}}, {@code {1}}, ... by plain replacement, not {@link java.text.MessageFormat}, so an
 * apostrophe in a note needs no escaping. A missing key is an error: a blank heading in a published table would
 * go unnoticed.
 */
final class Messages {

    private static final Map<Language, Messages> LOADED = new EnumMap<>(Language.class);

    private final Language language;
    private final Properties texts;

    private Messages(Language language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    static synchronized Messages of(Language language) {
        return LOADED.computeIfAbsent(language, Messages::load);
    }

    Language language() {
        return language;
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    Set<String> keys() {
        return texts.stringPropertyNames();
    }

    String text(String key, Object... arguments) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text for '" + key + "' in messages_" + language.code());
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    private static Messages load(Language language) {
        String resource = "/statistics/messages_" + language.code() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Messages(language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
