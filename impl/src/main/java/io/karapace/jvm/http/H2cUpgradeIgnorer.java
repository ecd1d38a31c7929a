package io.karapace.jvm.http;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * The JDK HTTP client offers {@code Upgrade: h2c} on every request; Grizzly then waits for an
 * HTTP/2 body that never comes and POSTs hang (glassfish-grizzly #2117). We serve HTTP/1.1 only,
 * so the offer is dropped before Grizzly acts on it.
 */
public final class H2cUpgradeIgnorer implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int httpServerFilter = builder.indexOfType(HttpServerFilter.class);
        builder.add(httpServerFilter + 1, new Filter());
    }

    private static final class Filter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, org.glassfish.grizzly.filterchain.FilterChainEvent event) {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                if ("h2c".equalsIgnoreCase(header.getUpgrade())) {
                    header.setIgnoreContentModifiers(false);
                    header.getUpgradeDC().recycle();
                    header.getHeaders().removeHeader(Header.Upgrade);
                }
            }
            return ctx.getInvokeAction();
        }
    }
}
