# The JVM flags bin/project-planton runs a command with (unless PROJECT_PLANTON_JAVA_OPTS replaces
# them), in one place: sourced by the launcher, and by bench/ for its floor (`java -version` with
# the launcher's flags). Sets default_java_opts.

# A short-lived command: the C1 compiler and the serial collector start fastest.
default_java_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# A run fills a few hundred MiB of fresh heap; in 2 MiB pages that takes far fewer page faults
# than in 4 KiB ones (A/B on a 2-core machine: plan about a fifth faster, validate a seventh). The
# JVM must ask for them where the kernel leaves that to programs ([madvise]); under [always] the
# kernel uses them anyway, and under [never] there are none.
thp=
{ read -r thp < /sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null || true
case "$thp" in *"[madvise]"*) default_java_opts="$default_java_opts -XX:+UseTransparentHugePages" ;; esac
