/*
 * The socket-work floor for media (benchmarks/floor/compare.sh): N G.711 streams, one 172-byte RTP packet
 * (12-byte header + 160 bytes of mu-law silence) per stream every 20 ms each way, on loopback. Nothing but the
 * system calls a media server cannot avoid, so its CPU per stream is the physical limit to compare with.
 *
 *   floor plain STREAMS_FILE SECONDS
 *       one UDP socket per line "LOCAL_PORT DEST_PORT" of STREAMS_FILE (127.0.0.1), all in one epoll set with a
 *       20 ms timerfd; every datagram read with recvfrom until EAGAIN, one sendto per stream per tick.
 *       Also the generator for the relay runs (rtpengine, Switchboard's bridge): both sides of every call.
 *   floor batched N LOCAL_PORT DEST_BASE DEST_STRIDE SECONDS
 *       one shared UDP socket for N streams: sendmmsg of N packets per tick to DEST_BASE + i * DEST_STRIDE,
 *       recvmmsg (64 at a time) until EAGAIN. Also the cheap generator of the waiting-caller runs.
 *   Either mode: a DEST_PORT (or DEST_BASE) of 0 only receives.
 *
 * Prints "sent=S received=R seconds=T" when done. Loopback only: every address is 127.0.0.1.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define PACKET 172
#define MAX_STREAMS 20000
#define BATCH 64

static unsigned long long sent, received;

static void die(const char *what) { perror(what); exit(1); }

static int udp_socket(int port)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) die("socket");
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
    int size = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    return fd;
}

static struct sockaddr_in loopback(int port)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

/* An RTP header (RFC 3550): version 2, PT 0, the stream's sequence, timestamp and SSRC; payload mu-law silence. */
static void rtp(unsigned char *p, uint32_t stream, uint32_t tick)
{
    p[0] = 0x80; p[1] = 0;
    uint16_t seq = htons((uint16_t)tick);
    uint32_t ts = htonl(tick * 160), ssrc = htonl(0x5eed0000u + stream);
    memcpy(p + 2, &seq, 2); memcpy(p + 4, &ts, 4); memcpy(p + 8, &ssrc, 4);
}

static int ticker(int epoll)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    if (fd < 0) die("timerfd_create");
    struct itimerspec t = { .it_interval = { 0, 20000000 }, .it_value = { 0, 20000000 } };
    if (timerfd_settime(fd, 0, &t, NULL) < 0) die("timerfd_settime");
    struct epoll_event e = { .events = EPOLLIN, .data.u32 = 0xffffffffu };
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &e) < 0) die("epoll_ctl");
    return fd;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int run_plain(const char *file, double seconds)
{
    static int fds[MAX_STREAMS];
    static struct sockaddr_in dests[MAX_STREAMS];
    FILE *f = fopen(file, "r");
    if (!f) die(file);
    int n = 0, local, dest;
    while (n < MAX_STREAMS && fscanf(f, "%d %d", &local, &dest) == 2) {
        fds[n] = udp_socket(local);
        dests[n] = loopback(dest);
        n++;
    }
    fclose(f);
    int epoll = epoll_create1(0);
    if (epoll < 0) die("epoll_create1");
    for (int i = 0; i < n; i++) {
        struct epoll_event e = { .events = EPOLLIN, .data.u32 = (uint32_t)i };
        if (epoll_ctl(epoll, EPOLL_CTL_ADD, fds[i], &e) < 0) die("epoll_ctl");
    }
    int timer = ticker(epoll);
    unsigned char packet[PACKET] = { 0 }, in[2048];
    memset(packet + 12, 0xff, PACKET - 12);
    struct epoll_event events[256];
    uint32_t tick = 0;
    double end = now() + seconds;
    while (now() < end) {
        int ready = epoll_wait(epoll, events, 256, 100);
        for (int k = 0; k < ready; k++) {
            uint32_t i = events[k].data.u32;
            if (i == 0xffffffffu) {
                uint64_t expirations;
                if (read(timer, &expirations, sizeof expirations) < 0) continue;
                tick++;
                for (int s = 0; s < n; s++) {
                    if (dests[s].sin_port == 0) continue;
                    rtp(packet, (uint32_t)s, tick);
                    if (sendto(fds[s], packet, PACKET, 0, (struct sockaddr *)&dests[s], sizeof dests[s]) == PACKET) sent++;
                }
                continue;
            }
            for (;;) {
                struct sockaddr_in from;
                socklen_t length = sizeof from;
                ssize_t r = recvfrom(fds[i], in, sizeof in, 0, (struct sockaddr *)&from, &length);
                if (r < 0) break;
                received++;
            }
        }
    }
    return 0;
}

static int run_batched(int n, int local, int dest_base, int stride, double seconds)
{
    if (n < 1 || n > MAX_STREAMS) { fprintf(stderr, "floor: 1..%d streams\n", MAX_STREAMS); return 2; }
    int fd = udp_socket(local);
    int size = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    int epoll = epoll_create1(0);
    if (epoll < 0) die("epoll_create1");
    struct epoll_event e = { .events = EPOLLIN, .data.u32 = 0 };
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &e) < 0) die("epoll_ctl");
    int timer = ticker(epoll);

    struct sockaddr_in *dests = calloc((size_t)n, sizeof *dests);
    unsigned char (*out)[PACKET] = calloc((size_t)n, PACKET);
    struct mmsghdr *send_msgs = calloc((size_t)n, sizeof *send_msgs);
    struct iovec *send_iov = calloc((size_t)n, sizeof *send_iov);
    if (!dests || !out || !send_msgs || !send_iov) die("calloc");
    for (int i = 0; i < n; i++) {
        dests[i] = loopback(dest_base + i * stride);
        memset(out[i] + 12, 0xff, PACKET - 12);
        send_iov[i].iov_base = out[i];
        send_iov[i].iov_len = PACKET;
        send_msgs[i].msg_hdr.msg_name = &dests[i];
        send_msgs[i].msg_hdr.msg_namelen = sizeof dests[i];
        send_msgs[i].msg_hdr.msg_iov = &send_iov[i];
        send_msgs[i].msg_hdr.msg_iovlen = 1;
    }

    static unsigned char in[BATCH][2048];
    static struct sockaddr_in from[BATCH];
    static struct iovec recv_iov[BATCH];
    static struct mmsghdr recv_msgs[BATCH];
    for (int i = 0; i < BATCH; i++) {
        recv_iov[i].iov_base = in[i];
        recv_iov[i].iov_len = sizeof in[i];
        recv_msgs[i].msg_hdr.msg_iov = &recv_iov[i];
        recv_msgs[i].msg_hdr.msg_iovlen = 1;
        recv_msgs[i].msg_hdr.msg_name = &from[i];
    }

    struct epoll_event events[4];
    uint32_t tick = 0;
    double end = now() + seconds;
    while (now() < end) {
        int ready = epoll_wait(epoll, events, 4, 100);
        for (int k = 0; k < ready; k++) {
            if (events[k].data.u32 == 0xffffffffu) {
                uint64_t expirations;
                if (read(timer, &expirations, sizeof expirations) < 0 || dest_base == 0) continue;
                tick++;
                for (int i = 0; i < n; i++) rtp(out[i], (uint32_t)i, tick);
                for (int done = 0; done < n;) {
                    int r = sendmmsg(fd, send_msgs + done, (unsigned)(n - done), 0);
                    if (r <= 0) break;
                    done += r;
                    sent += (unsigned)r;
                }
                continue;
            }
            for (;;) {
                for (int i = 0; i < BATCH; i++) recv_msgs[i].msg_hdr.msg_namelen = sizeof from[i];
                int r = recvmmsg(fd, recv_msgs, BATCH, MSG_DONTWAIT, NULL);
                if (r <= 0) break;
                received += (unsigned)r;
            }
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int status = 2;
    double start = now();
    if (argc == 4 && strcmp(argv[1], "plain") == 0) {
        status = run_plain(argv[2], atof(argv[3]));
    } else if (argc == 7 && strcmp(argv[1], "batched") == 0) {
        status = run_batched(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]), atof(argv[6]));
    } else {
        fprintf(stderr, "usage: floor plain STREAMS_FILE SECONDS | floor batched N LOCAL_PORT DEST_BASE DEST_STRIDE SECONDS\n");
        return 2;
    }
    printf("sent=%llu received=%llu seconds=%.1f\n", sent, received, now() - start);
    return status;
}
