package io.cmohub.euhub.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code java -cp ... io.cmohub.euhub.simulator.EuHubSimulatorMain [port]}
 * (default 8089; 0 for a free port), on a fresh in-memory H2 with the seed data set, plain HTTP on
 * 127.0.0.1. Stops on Ctrl-C.
 */
public final class EuHubSimulatorMain {
    private EuHubSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        EuHubSimulatorServer server = EuHubSimulatorServer.builder().port(port).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "emvs-hub-simulator-shutdown"));
        System.out.println("EU Hub simulator: " + server.address() + " (WSDL: " + server.address() + "?wsdl)");
        stopped.await();
    }
}
