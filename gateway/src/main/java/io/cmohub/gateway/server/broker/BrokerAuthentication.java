package io.cmohub.gateway.server.broker;

import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Who may use the embedded broker. The gateway's own clients connect in-VM (the same JVM, no
 * credentials: Spring Boot's embedded connection factory sends none) and are the gateway; anything that
 * connects through the TCP acceptor must log in with the one configured user, checked by Artemis's own
 * {@link InVMLoginModule}. Without this, anyone who reached the acceptor's port could read the document
 * queue or post a document in any partner's name.
 *
 * <p>The decision is made per connection, so Artemis's authentication cache (keyed by user and
 * password, which are both empty for the gateway and for an anonymous TCP client) must be off:
 * {@link #applyTo} switches it off.
 */
public final class BrokerAuthentication extends ActiveMQJAASSecurityManager {
    /** The role every authenticated broker user has; the hub's addresses grant it everything. */
    public static final String ROLE = "cmohub";
    static final String GATEWAY_USER = "cmohub-gateway";

    public BrokerAuthentication(String tcpUser, String tcpPassword) {
        super(InVMLoginModule.class.getName(), tcpUsers(tcpUser, tcpPassword));
    }

    private static SecurityConfiguration tcpUsers(String user, String password) {
        SecurityConfiguration users = new SecurityConfiguration();
        if (user != null && password != null) {
            if (GATEWAY_USER.equals(user)) {
                throw new IllegalStateException("cmohub.broker.acceptor-user must not be " + GATEWAY_USER + ": that name is the gateway's own");
            }
            users.addUser(user, password);
            users.addRole(user, ROLE);
        }
        return users;
    }

    /** Turns security on in {@code configuration}, with every hub address open to {@link #ROLE} only. */
    public static void applyTo(org.apache.activemq.artemis.core.config.Configuration configuration) {
        configuration.setSecurityEnabled(true);
        configuration.setAuthenticationCacheSize(0);
        configuration.putSecurityRoles("#", Set.of(new Role(ROLE, true, true, true, true, true, true, true, true, true, true, true, true)));
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) throws NoCacheLoginException {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            Subject gateway = new Subject();
            gateway.getPrincipals().add(new UserPrincipal(GATEWAY_USER));
            gateway.getPrincipals().add(new RolePrincipal(ROLE));
            return gateway;
        }
        return super.authenticate(user, password, connection, securityDomain);
    }
}
