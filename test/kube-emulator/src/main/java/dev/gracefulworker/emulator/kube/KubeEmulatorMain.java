package dev.gracefulworker.emulator.kube;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code KubeEmulatorMain SCENARIO [KUBECONFIG]} serves the scenario on the real clock,
 * writes a kubeconfig (default {@code ./kubeconfig-emulator}) and runs until interrupted, so kubectl can be pointed at it.
 */
public final class KubeEmulatorMain {
    private KubeEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KubeEmulatorMain SCENARIO.yaml [KUBECONFIG]");
            System.exit(2);
        }
        Scenario scenario = Scenario.load(Path.of(args[0]));
        Path kubeconfig = Path.of(args.length == 2 ? args[1] : "kubeconfig-emulator");
        KubeEmulator emulator = KubeEmulator.start(scenario);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        emulator.writeKubeconfig(kubeconfig);
        System.out.println("https " + emulator.httpsUrl());
        System.out.println("http  " + emulator.httpUrl());
        System.out.println("kubeconfig " + kubeconfig.toAbsolutePath());
        System.out.flush();
        stopped.await();
    }
}
