package dev.retort.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The filesystem of a path, from a synthetic mount table in /proc/self/mountinfo format. */
class MountTableTest {
    @TempDir
    Path tmp;

    private Path root;

    private MountTable table() throws Exception {
        root = tmp.toRealPath();
        Files.createDirectories(root.resolve("shared/scratch"));
        Files.createDirectories(root.resolve("my dir"));
        Path info = root.resolve("mountinfo");
        Files.write(info, List.of(
                "22 1 0:21 / / rw,relatime shared:1 - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w",
                "23 22 0:22 / /proc rw,relatime - proc proc rw",
                "40 22 0:40 / " + root + "/shared rw,relatime shared:7 - nfs4 fs.lab:/export/home rw,vers=4.2,addr=10.0.0.5",
                "41 40 8:1 / " + root + "/shared/scratch rw,relatime - ext4 /dev/sda1 rw",
                "42 22 0:42 / " + root.toString().replace(" ", "\\040") + "/my\\040dir rw - cifs //nas/share rw",
                "garbage line"));
        return MountTable.read(info);
    }

    @Test
    void a_directory_under_an_nfs4_mount_is_on_a_network_filesystem() throws Exception {
        MountTable.Mount m = table().mountOf(root.resolve("shared/runs/exp")).orElseThrow();
        assertThat(m.type()).isEqualTo("nfs4");
        assertThat(m.mountPoint()).isEqualTo(root.resolve("shared"));
        assertThat(m.isNetwork()).isTrue();
    }

    @Test
    void a_local_disk_mounted_inside_the_nfs_mount_wins_as_the_longer_mount_point() throws Exception {
        MountTable.Mount m = table().mountOf(root.resolve("shared/scratch/exp")).orElseThrow();
        assertThat(m.type()).isEqualTo("ext4");
        assertThat(m.isNetwork()).isFalse();
    }

    @Test
    void a_path_elsewhere_is_on_the_local_overlay_root() throws Exception {
        MountTable.Mount m = table().mountOf(root.resolve("local/exp")).orElseThrow();
        assertThat(m.type()).isEqualTo("overlay");
        assertThat(m.mountPoint()).isEqualTo(Path.of("/"));
        assertThat(m.isNetwork()).isFalse();
    }

    @Test
    void a_symbolic_link_into_the_nfs_mount_is_followed() throws Exception {
        MountTable t = table();
        Path link = Files.createSymbolicLink(root.resolve("link"), root.resolve("shared"));
        assertThat(t.mountOf(link.resolve("exp")).orElseThrow().type()).isEqualTo("nfs4");
    }

    @Test
    void escaped_spaces_in_mount_points_are_decoded() throws Exception {
        MountTable.Mount m = table().mountOf(root.resolve("my dir/exp")).orElseThrow();
        assertThat(m.type()).isEqualTo("cifs");
        assertThat(m.isNetwork()).isTrue();
    }

    @Test
    void a_missing_mount_table_finds_nothing() {
        assertThat(MountTable.read(tmp.resolve("no-such-file")).mountOf(tmp)).isEmpty();
    }

    @Test
    void network_types_include_the_cluster_filesystems_and_not_local_ones() {
        for (String t : List.of("nfs", "nfs4", "cifs", "smb3", "lustre", "gpfs", "beegfs", "ceph", "fuse.ceph-fuse", "9p", "fuse.sshfs"))
            assertThat(MountTable.isNetworkType(t)).as(t).isTrue();
        for (String t : List.of("ext4", "xfs", "btrfs", "overlay", "tmpfs", "zfs", "fuse.lxcfs"))
            assertThat(MountTable.isNetworkType(t)).as(t).isFalse();
    }
}
