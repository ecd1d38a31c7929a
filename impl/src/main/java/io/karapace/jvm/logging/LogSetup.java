package io.karapace.jvm.logging;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

/**
 * Applies {@code log_level} and {@code log_format} to the one log back-end (log4j, which also receives
 * JUL and SLF4J). The logger levels of {@code log4j2.xml} stay the single list of quiet libraries;
 * only the console's layout, the root level and, at DEBUG, the Kafka loggers change here.
 */
public final class LogSetup {
    static final String APPENDER = "console";
    static final String JSON_TEMPLATE = "classpath:karapace-log-template.json";
    /** Kafka's own loggers: at WARN normally; at DEBUG they say what they do (INFO), not every fetch. */
    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private LogSetup() {
    }

    /** {@code rootLevel} is a log4j level name (WARN, not WARNING). */
    public static void apply(String rootLevel, LogFormat format) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Level root = Level.toLevel(rootLevel, Level.INFO);
        replaceConsole(config, layout(config, format));
        config.getRootLogger().setLevel(root);
        Level kafka = root.isLessSpecificThan(Level.DEBUG) ? Level.INFO : Level.WARN;
        KAFKA_LOGGERS.forEach(name -> {
            LoggerConfig logger = config.getLoggerConfig(name);
            if (logger.getName().equals(name)) {
                logger.setLevel(kafka);
            }
        });
        context.updateLoggers();
    }

    private static Layout<?> layout(Configuration config, LogFormat format) {
        if (format.json()) {
            return JsonTemplateLayout.newBuilder().setConfiguration(config).setEventTemplateUri(JSON_TEMPLATE).build();
        }
        return PatternLayout.newBuilder().withConfiguration(config).withPattern(format.pattern()).build();
    }

    /** A new console appender (on the current System.out) in place of the old one, for every logger using it. */
    private static void replaceConsole(Configuration config, Layout<?> layout) {
        Appender old = config.getAppender(APPENDER);
        ConsoleAppender console = ConsoleAppender.newBuilder().setName(APPENDER).setConfiguration(config)
                .setLayout(layout).setTarget(ConsoleAppender.Target.SYSTEM_OUT).setFollow(true).build();
        console.start();
        config.addAppender(console);
        for (LoggerConfig logger : loggers(config)) {
            if (logger.getAppenders().containsKey(APPENDER)) {
                logger.removeAppender(APPENDER);
                logger.addAppender(console, null, null);
            }
        }
        if (old != null && old != console) {
            old.stop();
        }
    }

    private static List<LoggerConfig> loggers(Configuration config) {
        List<LoggerConfig> all = new java.util.ArrayList<>(config.getLoggers().values());
        if (!all.contains(config.getRootLogger())) {
            all.add(config.getRootLogger());
        }
        return all;
    }
}
