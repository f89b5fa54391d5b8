/** Smoke test for the toolchain: a native executable that prints a greeting. */
public class Hello {
    public static void main(String[] args) {
        String who = args.length > 0 ? args[0] : "native image";
        System.out.println("Hello from " + who + "! (" + System.getProperty("java.vm.name")
                + ", Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, time zone " + java.util.TimeZone.getDefault().getID()
                + ", locale " + java.util.Locale.getDefault() + ")");
    }
}
