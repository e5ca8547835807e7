package dev.wirelab.labs.doctor;

/** Run by {@link DoctorVectorApiTest} in a fresh JVM: prints doctor's Vector API line as key=value lines. */
public final class DoctorVectorProbe {

    private DoctorVectorProbe() {
    }

    public static void main(String[] args) {
        Check check = Doctor.vectorApi();
        System.out.println("status=" + check.status());
        System.out.println("detail=" + check.detail());
        System.out.println("fix=" + check.fix());
    }
}
