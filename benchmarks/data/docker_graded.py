"""Held-out graded answers to the bundled Docker bank's 24 questions, for benchmarks/docker_graded.py.

Written the way candidates answer (short and plain, long with a slip, confidently wrong, vague,
half right, mostly commands, with typos), graded by hand on the rubric below, and both fixed before
any of them was scored. Nothing here is used to tune the scorer, and the product never imports it:
it measures whether the score keeps the order a human grader gives, the way the interviewers'
graded answers are measured from outside.

Rubric (the grade a careful interviewer gives for the expert-level question):

- 5: complete and correct at expert level: the mechanism, the main options and their trade-offs.
- 4: correct and fairly complete; may miss a detail or carry one minor slip.
- 3: the correct core of the answer, with clear gaps (a beginner's good answer), or a fuller
  answer with one real mistake.
- 2: partly correct or vague: some right content mixed with wrong claims, or generic statements
  that are true but say little, or bare commands with no explanation.
- 1: mostly wrong, or nearly empty: a confident misconception, or filler with no real content.
- 0: wrong throughout, off-topic, or no answer.

Kinds (for reading the report, not used in the measure): expert, fair (correct, fairly complete),
plain (short and correct, everyday words), slip (long and mostly correct, one mistake), mixed
(right and wrong together), commands (mostly a snippet or command lines), vague, misconception,
off-topic, empty.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Graded:
    grade: int
    kind: str
    text: str


# (the question's opening words, its answers) in the order of content/sources/docker.txt.
QUESTIONS: tuple[tuple[str, tuple[Graded, ...]], ...] = (
    (
        "Explain Docker and its key differences compared to traditional virtualization",
        (
            Graded(
                5,
                "expert",
                "Docker packages an application with its dependencies into an image and runs it "
                "as a container, which is really just an isolated group of processes on the host. "
                "The isolation comes from Linux kernel features: namespaces give each container "
                "its own view of PIDs, network interfaces, mounts, hostname and users, and "
                "cgroups cap and account for CPU, memory and I/O. The filesystem is a stack of "
                "read-only image layers plus a writable layer, via overlay2. A VM instead runs on "
                "a hypervisor (type 1 like ESXi/KVM or type 2 like VirtualBox) and boots a full "
                "guest OS with its own kernel on virtual hardware. So containers are megabytes "
                "instead of gigabytes, start in milliseconds to seconds instead of minutes, and "
                "you pack many more per host. The price is the security boundary: every container "
                "shares the host kernel, so a kernel exploit can escape, whereas a VM has "
                "hardware-level isolation. It also means a Linux container needs a Linux kernel, "
                "which is why Docker Desktop on Mac and Windows runs a small Linux VM underneath.",
            ),
            Graded(
                4,
                "fair",
                "Docker runs apps in containers. A container is basically a process on the host "
                "that is isolated from the others, and it uses the same kernel as the host "
                "machine, while a VM boots its own complete operating system on top of a "
                "hypervisor. Because of that containers start in a second or so and take way less "
                "memory and disk, you can run lots of them on one server. The downside is that "
                "isolation is weaker since everything shares one kernel.",
            ),
            Graded(
                3,
                "plain",
                "Docker puts your app and everything it needs in a package so it runs the same "
                "everywhere. Unlike a VM it doesn't carry a whole operating system with it, so "
                "it's a lot lighter and quicker to start.",
            ),
            Graded(
                1,
                "misconception",
                "Docker is basically a lightweight virtual machine. Each container has its own "
                "small kernel and its own copy of the operating system, which is why it is more "
                "secure than a normal VM. The hypervisor Docker uses is just faster than the one "
                "in VMware.",
            ),
            Graded(
                1,
                "vague",
                "Docker is a very popular tool in DevOps for deploying applications. It is used "
                "a lot in the cloud and it makes things easier compared to the old way of doing "
                "things with virtual machines. Most companies use it now together with Kubernetes.",
            ),
        ),
    ),
    (
        "Describe the main components that make up the Docker architecture",
        (
            Graded(
                5,
                "expert",
                "It's client-server. The docker CLI is only a client: it turns commands into "
                "calls to the Engine's REST API, normally over the unix socket "
                "/var/run/docker.sock, or over TCP with TLS for a remote host. The daemon, "
                "dockerd, owns the objects - images, containers, networks, volumes - and does "
                "builds (through BuildKit), pulls and pushes against a registry such as Docker "
                "Hub. To actually run something dockerd calls containerd over gRPC; containerd "
                "manages the container lifecycle and image storage and starts a containerd-shim "
                "per container, and the shim calls runc, the OCI runtime, which sets up the "
                "namespaces and cgroups, starts the process and then exits. The shim stays as the "
                "parent, keeps stdio and the exit code, so containers survive a restart of "
                "dockerd (live restore). Registries sit outside the host and serve images over "
                "the distribution API.",
            ),
            Graded(
                4,
                "slip",
                "There is the Docker client, the docker command, which sends everything to the "
                "Docker daemon through a REST API on a unix socket. The daemon manages images, "
                "containers, volumes and networks. Under the daemon there's containerd, which "
                "handles the lifecycle of containers, and runc, which creates the actual "
                "container with namespaces and cgroups. runc stays running as the parent process "
                "of every container for as long as it lives. Images are pulled from and pushed "
                "to registries like Docker Hub or a private registry.",
            ),
            Graded(
                3,
                "plain",
                "There's the docker client, which is the command you type, and the docker daemon "
                "which runs in the background and does the real work like building and running "
                "the containers. The images come from a registry, like Docker Hub.",
            ),
            Graded(
                2,
                "mixed",
                "Docker has a client and a server called the daemon. The client connects to the "
                "daemon over SSH and the daemon then logs in to each container to run the "
                "commands. Docker Hub is also part of it, it stores your containers so you can "
                "start them on other machines.",
            ),
            Graded(
                0,
                "off-topic",
                "The Docker architecture is microservices: each service goes in its own "
                "container, and they talk to each other with REST calls, behind a load balancer "
                "and an API gateway.",
            ),
        ),
    ),
    (
        "Explain what Docker images are, their purpose",
        (
            Graded(
                5,
                "expert",
                "An image is an immutable, content-addressed bundle following the OCI image "
                "spec: a manifest that lists a config blob and an ordered set of layer tarballs, "
                "each identified by its sha256 digest. The config holds the metadata - "
                "entrypoint, cmd, env, working dir, exposed ports, user, and the history. The "
                "layers are filesystem diffs that a storage driver like overlay2 stacks into one "
                "root filesystem; a container gets that read-only stack plus its own writable "
                "layer. Because layers are addressed by digest they are shared between images on "
                "disk and only missing ones are transferred on pull or push. Tags like "
                "myapp:1.4 are mutable pointers, a digest pins exactly one image, and a manifest "
                "list lets one tag serve amd64 and arm64. The purpose is a reproducible, portable "
                "unit of delivery: build once in CI, run the same bytes in test and production.",
            ),
            Graded(
                4,
                "fair",
                "An image is a read-only template that contains the app, its libraries and a "
                "minimal filesystem, plus some metadata like the default command and environment "
                "variables. You build it from a Dockerfile and it is made of layers. You start "
                "containers from it. Images live in registries and are identified by name:tag or "
                "by a sha256 digest, so the same image gives you the same environment anywhere.",
            ),
            Graded(
                3,
                "plain",
                "It's like a snapshot or a blueprint of your app with everything already "
                "installed in it. You can't change it, you make containers from it, and you can "
                "share it with other people through Docker Hub.",
            ),
            Graded(
                2,
                "commands",
                "docker pull ubuntu\ndocker images\nthat's how you get images and see what you "
                "have. The image is the thing you run.",
            ),
            Graded(
                1,
                "misconception",
                "A Docker image is a saved copy of a running container, including its memory, a "
                "bit like a VM snapshot. When you start the image again it carries on where it "
                "left off, with all the processes still running.",
            ),
        ),
    ),
    (
        "Describe how Docker images use a layered filesystem approach",
        (
            Graded(
                5,
                "expert",
                "Each Dockerfile instruction that changes files (RUN, COPY, ADD) produces a "
                "layer: a read-only diff against the layer below. The storage driver, overlay2 on "
                "most Linux hosts, unions them: the image layers are the lowerdirs, the "
                "container gets an upperdir as its thin writable layer, and the merged view is "
                "the container's root. Writes are copy-on-write: the first time a container "
                "modifies a file from a lower layer, the whole file is copied up into the "
                "writable layer; deleting a file writes a whiteout entry that hides it. Benefits: "
                "layers are shared by digest, so ten images on the same base store and pull it "
                "once, and many containers share one image on disk; the build cache reuses "
                "layers until the first changed instruction, so you put rarely changing steps "
                "(dependencies) before often changing ones (source). The flip side: a file "
                "deleted in a later layer still ships in the earlier one, so clean up in the same "
                "RUN, and copy-up of big files is slow, which is why databases write to volumes.",
            ),
            Graded(
                3,
                "slip",
                "Every instruction in the Dockerfile creates a layer, and the layers are stacked "
                "on top of each other with a union filesystem like overlay2. All of them are "
                "read-only, and when you run a container it gets one extra writable layer on top, "
                "where changes go with copy-on-write. Layers are cached, so rebuilds only redo "
                "the steps after something changed, and images with the same base share those "
                "layers on disk. Also if you delete a big file in a later RUN step the image gets "
                "smaller again, because that layer removes it from the earlier ones.",
            ),
            Graded(
                3,
                "plain",
                "Every step in the Dockerfle makes a new layr on top of the last one. Layers get "
                "cached and shared, so if two images use the same base you only download it "
                "once, and a rebuild is quick when nothing changed.",
            ),
            Graded(
                2,
                "vague",
                "Docker uses layers to make images more efficient and smaller. The layers "
                "interact with each other to build up the final image, which is one of the big "
                "benefits of the Docker architecture.",
            ),
            Graded(
                1,
                "misconception",
                "The layers are like the OSI model: the bottom layer is the kernel, then the "
                "operating system, then the runtime, then your app on top. Each container gets "
                "its own copy of all the layers so they don't interfere with each other.",
            ),
        ),
    ),
    (
        "Explain what Docker containers are, how they differ from images",
        (
            Graded(
                5,
                "expert",
                "A container is a runtime instance of an image: one or more processes started "
                "in their own namespaces (pid, net, mnt, uts, ipc, user) and limited by cgroups, "
                "with a root filesystem made of the image's read-only layers plus a thin "
                "writable layer of its own. The image is immutable and shared; the container "
                "adds state: that writable layer, its configuration (env, mounts, network "
                "endpoints, restart policy) and a lifecycle - created, running, paused, exited, "
                "removed. One image can back any number of containers, each with copy-on-write "
                "changes that vanish when the container is removed unless they're on a volume. "
                "Going the other way, docker commit snapshots a container's writable layer into "
                "a new image layer, though a Dockerfile is the reproducible way to get there.",
            ),
            Graded(
                4,
                "fair",
                "The image is the template and the container is a running instance of it. When "
                "you start a container Docker puts a thin writable layer on top of the image's "
                "read-only layers, so you can run many containers from one image and each keeps "
                "its own changes. If you delete the container those changes are gone unless you "
                "used a volume. The container itself is just an isolated process using "
                "namespaces and cgroups.",
            ),
            Graded(
                3,
                "plain",
                "An image is like a class and a container is like an object made from it. You "
                "can make as many containers as you want from the same image.",
            ),
            Graded(
                2,
                "mixed",
                "The image is what you download and the container is the box it runs in. The "
                "containers are stored on Docker Hub and the images stay on your machine.",
            ),
            Graded(
                0,
                "off-topic",
                "Containers are what you ship goods in, like at a port, they're all the same "
                "size so any crane and ship can handle them. Docker took the idea and the logo "
                "from shipping.",
            ),
        ),
    ),
    (
        "Describe the fundamental lifecycle of a Docker container",
        (
            Graded(
                5,
                "expert",
                "docker create sets a container up without starting it: it prepares the "
                "writable layer, stores the config, connects the network endpoints, and the "
                "state is 'created'. docker start then launches the entrypoint as PID 1 inside "
                "the namespaces - docker run is create plus start (plus a pull if the image is "
                "missing). While running you can pause it, which freezes the processes with the "
                "cgroup freezer but keeps their memory, and unpause. docker stop sends SIGTERM "
                "(or the image's STOPSIGNAL) to PID 1, waits a grace period, 10 seconds by "
                "default or -t, then sends SIGKILL; docker kill sends SIGKILL straight away "
                "unless you pick another signal. The container is then 'exited' with an exit "
                "code, its writable layer still on disk, and it can be started again. A restart "
                "policy may restart it automatically. docker rm deletes it and its writable "
                "layer, -f kills it first, -v also removes anonymous volumes; run --rm removes "
                "it as soon as it exits. docker events shows create, start, die, stop, destroy "
                "as they happen.",
            ),
            Graded(
                4,
                "slip",
                "First the container is created from an image, with docker create or as part of "
                "docker run, which creates and starts it in one go. Once started the main process "
                "runs until it exits or you stop it. docker stop sends SIGTERM so the app can "
                "shut down cleanly and after a timeout sends SIGKILL. You can also pause a "
                "container, which releases its memory back to the host until you unpause it. A "
                "stopped container still exists with its files, you can start it again, and "
                "docker rm removes it for good.",
            ),
            Graded(
                3,
                "plain",
                "You create it with docker run, which both creates and starts it. Then you can "
                "stop it with docker stop and delete it with docker rm. A stopped container is "
                "still there until you remove it.",
            ),
            Graded(
                2,
                "commands",
                "docker create nginx\ndocker start <id>\ndocker stop <id>\ndocker rm <id>",
            ),
            Graded(
                1,
                "misconception",
                "Once you stop a container it is gone, with all of its data, so you have to run "
                "it again from the image. Restarting a container really just means pulling the "
                "image again and starting a new one.",
            ),
        ),
    ),
    (
        "What are the essential Docker CLI commands for managing containers",
        (
            Graded(
                5,
                "expert",
                "docker run -d --name web -p 8080:80 -e KEY=value -v data:/data --rm nginx "
                "creates and starts a container (detached, named, port published, env, volume, "
                "removed on exit). docker ps lists running ones; -a adds stopped ones, "
                "--filter status=exited or label=... narrows it, --format and -q feed scripts. "
                "docker stop -t 30 stops gracefully (SIGTERM then SIGKILL), docker kill sends "
                "a signal at once, docker start and docker restart bring one back. docker rm "
                "deletes a stopped container, -f a running one, -v its anonymous volumes; "
                "docker container prune removes every stopped one. To look inside: docker logs "
                "-f --tail 100, docker exec -it web sh for a shell, docker inspect (with --format "
                "for one field, like the IP), docker top for its processes, docker stats for live "
                "CPU and memory, docker cp to copy files in or out.",
            ),
            Graded(
                4,
                "fair",
                "docker run to create and start a container from an image, docker ps to list "
                "running containers (ps -a for all of them), docker stop and docker start to "
                "stop or start one again, docker restart, docker rm to delete it, docker logs to "
                "see what it printed, docker exec -it to run a command or open a shell inside it, "
                "and docker inspect to see its configuration. Plus docker images and docker pull "
                "for the images.",
            ),
            Graded(
                3,
                "plain",
                "docker run starts a container, docker ps shows which ones are running, docker "
                "stop stops one and docker rm deletes it.",
            ),
            Graded(
                2,
                "vague",
                "There are a lot of commands, you type docker and then what you want to do, like "
                "run or stop. You can always look at docker --help to see all of them.",
            ),
            Graded(
                1,
                "misconception",
                "docker start pulls the image and builds it, docker rm removes the image from "
                "your computer, and docker ps shows the processes running inside the container.",
            ),
        ),
    ),
    (
        "Explain how to use docker run, docker ps, docker stop, and docker rm",
        (
            Graded(
                5,
                "expert",
                "docker run [options] image [command] creates and starts a container. Examples: "
                "docker run -it --rm ubuntu bash gives an interactive shell that is cleaned up on "
                "exit; docker run -d --name api -p 8080:3000 -e NODE_ENV=production "
                "--restart unless-stopped --memory 512m myorg/api:2.1 runs a service in the "
                "background, host port 8080 to container port 3000. docker ps shows running "
                "containers; docker ps -a includes exited ones, docker ps -q only the IDs, "
                "docker ps --filter name=api --format '{{.Names}} {{.Status}}' for scripts. "
                "docker stop api sends SIGTERM and after 10 seconds SIGKILL, docker stop -t 60 "
                "api gives it longer to drain. docker rm api removes a stopped container, "
                "docker rm -f api kills and removes a running one, docker rm -v also drops its "
                "anonymous volumes, and docker rm $(docker ps -aq -f status=exited) or docker "
                "container prune clears all stopped ones.",
            ),
            Graded(
                4,
                "fair",
                "docker run -d -p 8080:80 --name web nginx runs nginx in the background and maps "
                "port 8080 on my machine to 80 in the container. docker ps lists it, and docker "
                "ps -a also shows the stopped ones. docker stop web stops it, and docker rm web "
                "removes it (it has to be stopped first, or use rm -f).",
            ),
            Graded(
                3,
                "commands",
                "docker run -p 80:8080 ngnix (maps port 80 in the container to 8080 on the "
                "host)\ndocker ps  -> see its running\ndocker stop <id>\ndocker rm <id>  or rm -f "
                "to remove a running one",
            ),
            Graded(
                3,
                "plain",
                "You use docker run with the image name to start a container, docker ps to see "
                "what's running, docker stop and the container's name to stop it, and docker rm "
                "to delete it once it is stopped.",
            ),
            Graded(
                1,
                "misconception",
                "docker run downloads the image again every time and then builds it. docker rm "
                "removes an image, and you need to docker stop a container before docker ps will "
                "show it.",
            ),
        ),
    ),
    (
        "Explain what a Dockerfile is and its purpose",
        (
            Graded(
                5,
                "expert",
                "A Dockerfile is the build recipe for an image: a plain text file of "
                "instructions that docker build (BuildKit) executes in order against a build "
                "context, the directory sent to the builder, filtered by .dockerignore. It "
                "starts FROM a base image; RUN, COPY and ADD each produce a layer, while ENV, "
                "WORKDIR, USER, EXPOSE, CMD and ENTRYPOINT set metadata in the image config. The "
                "purpose is reproducibility and automation: the environment is declared as code, "
                "reviewed and versioned with the application, rebuilt identically in CI, and the "
                "layer cache makes rebuilds fast when the instructions are ordered from stable to "
                "volatile. It replaces hand-made images built with docker commit, which nobody "
                "can audit or rebuild.",
            ),
            Graded(
                4,
                "commands",
                "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install "
                '-r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n\ndocker build -t '
                "myapp . reads this file and makes an image from it, so anyone can rebuild the "
                "same image from the repo.",
            ),
            Graded(
                3,
                "plain",
                "It's a text file with the steps to build your image: which base image to start "
                "from, what to copy in, what to install and what command to run at the end.",
            ),
            Graded(
                2,
                "vague",
                "The Dockerfile is important in Docker development, it's where you define the "
                "things for your container. Every project should have one.",
            ),
            Graded(
                1,
                "misconception",
                "A Dockerfile is the configuration file of a running container, written in YAML. "
                "If you edit it, the running container picks up the changes automatically.",
            ),
        ),
    ),
    (
        "Describe the typical structure of a Dockerfile",
        (
            Graded(
                5,
                "expert",
                "Top to bottom: optional ARGs used by FROM, then FROM image:tag (AS name for a "
                "stage), LABELs for metadata, ARG for build-time values and ENV for values that "
                "persist into the container. WORKDIR sets the directory for what follows. COPY "
                "brings files from the build context; ADD does the same but also fetches URLs "
                "and unpacks local tar files, so prefer COPY. RUN executes a command in a new "
                "layer - chain with && and clean package caches in the same RUN. EXPOSE only "
                "documents the port; publishing happens with -p at run time. USER switches to a "
                "non-root user, VOLUME declares a mount point, HEALTHCHECK defines a probe. "
                "ENTRYPOINT fixes the executable and CMD gives default arguments (or the default "
                'command when there is no ENTRYPOINT); use the exec form ["..."] so the '
                "process is PID 1 and gets signals. Order matters for the cache: copy the "
                "dependency manifest and install before copying the source.",
            ),
            Graded(
                4,
                "slip",
                "It starts with FROM for the base image. Then usually WORKDIR to set the working "
                "folder, COPY to copy files in (ADD is similar but can also unpack archives), RUN "
                "to run commands at build time like installing packages, ENV for environment "
                "variables. EXPOSE publishes the port on the host so you can reach the app. "
                "USER to not run as root. At the end CMD or ENTRYPOINT, CMD can be overridden "
                "when you run the container and ENTRYPOINT is the fixed executable. You should "
                "copy the dependency files first so the cache works.",
            ),
            Graded(
                3,
                "plain",
                "You start with FROM for the base image, then RUN to install stuff, COPY to put "
                "your code in, and CMD for what runs when the container starts. WORKDIR sets the "
                "folder you're in.",
            ),
            Graded(
                2,
                "mixed",
                "FROM picks the base image, COPY copies files, ENV sets env variables. RUN and "
                "CMD are the same thing, CMD is just the newer syntax for it.",
            ),
            Graded(
                0,
                "misconception",
                "A Dockerfile has three sections: build, run and deploy. The build section has "
                "the compile commands, run has the ports and deploy is for pushing to Docker Hub.",
            ),
        ),
    ),
    (
        "Explain what Docker registries are",
        (
            Graded(
                5,
                "expert",
                "A registry is a server that stores and distributes images over an HTTP API "
                "(the Registry v2 / OCI distribution spec). It holds repositories, and each "
                "repository holds tags pointing at manifests; manifests and layer blobs are "
                "content-addressed by sha256 digest, so a pull fetches the manifest, then only "
                "the blobs the host doesn't have, and a push uploads only missing blobs. Docker "
                "Hub is the default (docker.io, official images under library/), others are GHCR, "
                "ECR, GCR/Artifact Registry, Harbor, or the open-source registry image for "
                "self-hosting. Auth is token based, transport is TLS. In a real setup the "
                "registry is where CI publishes and production pulls from, with access control, "
                "vulnerability scanning, signing, immutable tags, pull-through caches or mirrors "
                "to cut latency and rate limits, and garbage collection of unreferenced blobs.",
            ),
            Graded(
                4,
                "fair",
                "A registry is a server that stores and hands out images. Docker Hub is the "
                "public default, but there are others like GitHub Container Registry, AWS ECR, or "
                "a private one you run yourself. Images are organised in repositories with tags, "
                "you docker push to upload and docker pull to download, and a private registry "
                "lets a company keep its images internal and control who can access them.",
            ),
            Graded(
                3,
                "plain",
                "It's like GitHub but for Docker images. You push your images there and pull "
                "them on the other machines where you want to run them.",
            ),
            Graded(
                2,
                "vague",
                "Registries are used for storing things in Docker and they are an important part "
                "of the ecosystem. There are public ones and private ones.",
            ),
            Graded(
                0,
                "misconception",
                "The registry is where Docker keeps the settings of each container on your "
                "machine, like the Windows registry. You can edit it to change a container's "
                "ports.",
            ),
        ),
    ),
    (
        "Explain the process of pulling Docker images from Docker Hub and pushing",
        (
            Graded(
                5,
                "expert",
                "Pulling: docker pull nginx:1.25 - the name expands to docker.io/library/nginx, "
                "the tag defaults to latest if omitted, and you can pin nginx@sha256:... for an "
                "exact image. The client gets the manifest (picking the right platform from a "
                "manifest list) and downloads only the layers not already present. Public images "
                "need no login, but anonymous pulls are rate-limited, so log in even for pulls "
                "in CI. Pushing: docker login stores a credential, ideally through a credential "
                "helper rather than base64 in config.json, and with a personal access token "
                "instead of the password (required with 2FA); in CI use --password-stdin. The "
                "image must be named under your namespace: docker build -t myuser/app:1.0 . or "
                "docker tag app myuser/app:1.0, then docker push myuser/app:1.0 uploads the "
                "layers Docker Hub doesn't already have and the manifest. Push a version tag as "
                "well as latest, and docker logout on shared machines.",
            ),
            Graded(
                4,
                "commands",
                "docker login\ndocker pull nginx:1.25\ndocker build -t myapp .\ndocker tag myapp "
                "myuser/myapp:1.0\ndocker push myuser/myapp:1.0\n\nYou have to log in first, and "
                "the image has to be tagged with your Docker Hub username, otherwise the push is "
                "refused.",
            ),
            Graded(
                3,
                "plain",
                "You pull with docker pull and the image name. To push your own you log in with "
                "your Docker Hub account, give the image a name that starts with your user name, "
                "and run docker push.",
            ),
            Graded(
                2,
                "mixed",
                "docker pull downloads the image and docker push uploads it. You don't need to "
                "log in to push to Docker Hub, only when the image is private.",
            ),
            Graded(
                1,
                "misconception",
                "You push your Dockerfile with git push to your Docker Hub repo and Docker Hub "
                "builds it for you. Then on the other machine you run docker get to download it.",
            ),
        ),
    ),
    (
        "Explain the concept of Docker networking",
        (
            Graded(
                5,
                "expert",
                "Each container gets its own network namespace with its own interfaces, routes "
                "and ports. On the default bridge driver Docker creates a veth pair: one end is "
                "eth0 in the container, the other is attached to the docker0 Linux bridge, and "
                "the container gets an IP from the bridge subnet. Containers on the same bridge "
                "reach each other directly on any port. On the default bridge that's by IP only; "
                "a user-defined bridge adds Docker's embedded DNS (127.0.0.11), so containers "
                "resolve each other by name or alias, and separate networks isolate groups of "
                "containers. Outbound traffic is masqueraded (NAT) through the host's interface "
                "by iptables rules. Inbound needs publishing: -p 8080:80 adds a DNAT rule (and "
                "docker-proxy) from host port 8080 to the container; EXPOSE alone publishes "
                "nothing. Other drivers change the picture: host shares the host's stack, none "
                "has only loopback, overlay spans hosts with VXLAN, macvlan puts the container "
                "on the physical LAN.",
            ),
            Graded(
                4,
                "slip",
                "Every container has its own network stack and gets an IP on a virtual network. "
                "By default that's the bridge network: Docker connects each container to the "
                "docker0 bridge with a veth pair, and traffic out to the internet goes through "
                "NAT on the host. Containers on the default bridge can find each other by their "
                "container names. To let the outside world in you publish a port with -p "
                "host:container. You can create your own networks with docker network create to "
                "separate groups of containers, and for several hosts there is overlay.",
            ),
            Graded(
                3,
                "plain",
                "Containers on the same Docker network can talk to each other, and if you make "
                "your own network they can even use each other's names. To reach a container "
                "from outside you publish a port with -p.",
            ),
            Graded(
                2,
                "vague",
                "Docker networking lets containers communicate with each other and with the "
                "outside world using networks. It is quite flexible and there are different "
                "types you can use.",
            ),
            Graded(
                1,
                "misconception",
                "Containers can't talk to each other at all, that's the whole point of the "
                "isolation. If one container needs another you go through the public IP of the "
                "host.",
            ),
        ),
    ),
    (
        "Describe the various network drivers available in Docker",
        (
            Graded(
                5,
                "expert",
                "bridge: the default, a software bridge on one host with NAT to the outside; use "
                "user-defined bridges for single-host apps since they give DNS by name and "
                "isolation between groups. host: no network namespace, the container binds "
                "straight on the host's interfaces - no NAT overhead and no port mapping, so "
                "good for performance-sensitive or many-port services, but ports can clash and "
                "isolation is gone (and it's Linux only). overlay: a VXLAN network across the "
                "nodes of a Swarm (or attachable for standalone containers), for services spread "
                "over several hosts, optionally encrypted. macvlan: gives each container its own "
                "MAC and an IP on the physical LAN, for legacy apps or appliances that must look "
                "like real machines; the switch may need promiscuous mode and the host can't "
                "reach its own macvlan containers without extra setup (ipvlan is the variant "
                "sharing one MAC). none: only loopback, for batch jobs that need no network or "
                "maximum isolation.",
            ),
            Graded(
                4,
                "fair",
                "bridge is the default, a private network on one host, good for most apps. host "
                "removes the network isolation and uses the host's network directly, fastest but "
                "you can get port conflicts. overlay spans several hosts, used with Swarm. "
                "macvlan gives the container its own MAC address so it looks like a physical "
                "device on the LAN, useful for legacy apps. none means no network at all.",
            ),
            Graded(
                3,
                "plain",
                "bridge is the default one, host shares the host's network, and none has no "
                "network. I'm not sure about overlay and macvlan, I think overlay is for when you "
                "have several machines.",
            ),
            Graded(
                1,
                "mixed",
                "bridge connects the container to the internet directly, host is when the "
                "container acts as a host for other containers, overlay is for overlaying files "
                "on the image, and none disables the container.",
            ),
            Graded(0, "empty", "I haven't used those."),
        ),
    ),
    (
        "Explain what Docker volumes are",
        (
            Graded(
                5,
                "expert",
                "A volume is storage that Docker manages outside the container's union "
                "filesystem, under /var/lib/docker/volumes on the host or through a volume "
                "driver (NFS, cloud block storage). Its lifecycle is independent: it survives "
                "docker rm and container upgrades, and several containers can mount it. Named "
                "volumes (-v pgdata:/var/lib/postgresql/data or --mount "
                "type=volume,src=pgdata,dst=...) are the ones to use; anonymous volumes get a "
                "random name and are easy to lose. An empty volume is pre-filled with whatever "
                "the image has at that path. Writes bypass copy-on-write, so they are fast, and "
                "on Docker Desktop they are much faster than bind mounts. Use them for databases, "
                "uploads, anything stateful or shared; mount read-only (:ro) where possible, back "
                "them up with a throwaway container that tars the volume, and don't use them for "
                "config or secrets, or for scratch data that tmpfs handles better.",
            ),
            Graded(
                4,
                "fair",
                "Volumes are storage managed by Docker that lives outside the container's "
                "filesystem, so the data survives when the container is removed or replaced. You "
                "use them for databases, uploads, anything that must persist, or to share data "
                "between containers. For example docker volume create data and then docker run "
                "-v data:/var/lib/postgresql/data postgres.",
            ),
            Graded(
                3,
                "plain",
                "Containers lose their files when you delete them, so you use a volume to keep "
                "data, like the files of a database, even after the container is gone.",
            ),
            Graded(
                2,
                "mixed",
                "Volumes are for saving data. They are stored inside the image, so the next time "
                "you run the image the data is still there.",
            ),
            Graded(
                1,
                "misconception",
                "Volumes are how you control the size of a container, like the disk size of a "
                "VM. You set a bigger volume to give the container more space.",
            ),
        ),
    ),
    (
        "Compare and contrast the three types of mounts",
        (
            Graded(
                5,
                "expert",
                "Volumes live in Docker's storage area and are managed by Docker (create, ls, "
                "rm, drivers for remote storage); they're portable across hosts, pre-populated "
                "from the image, work the same on Linux and Docker Desktop, and are the default "
                "choice for persistent data - but you reach the files through Docker rather than "
                "a path you picked. Bind mounts map any host path into the container: ideal for "
                "development (edit code on the host, see it live) and for host config files, but "
                "they depend on the host's directory layout, UID/GID and SELinux labels (:z), "
                "they can expose sensitive host paths, and on macOS/Windows they are slow through "
                "the VM's file sharing. tmpfs mounts live in the host's memory only, never touch "
                "disk, vanish when the container stops and can't be shared between containers; "
                "good for secrets or scratch files, with a size limit to cap memory, and Linux "
                "only. Syntax: --mount type=volume|bind|tmpfs, or -v and --tmpfs.",
            ),
            Graded(
                4,
                "slip",
                "Volumes are created and managed by Docker, stored under Docker's own directory, "
                "and they are the recommended way to keep data like databases because they are "
                "independent of the host's folder structure and easy to back up. Bind mounts map "
                "a specific folder from the host into the container, which is great in "
                "development for live code reloading, but they depend on the host paths and "
                "permissions. tmpfs mounts keep data in memory, so they're fast and nothing is "
                "written to disk, good for secrets or temporary files, and you can share one "
                "tmpfs mount between several containers.",
            ),
            Graded(
                3,
                "plain",
                "Volumes are managed by Docker, bind mounts put a folder from your own computer "
                "into the container, and tmpfs is in memory, so it's gone when the container "
                "stops.",
            ),
            Graded(
                2,
                "mixed",
                "Bind mounts use a path on the host, good in development when you edit the code. "
                "Volumes are kind of the same but Docker makes them. tmpfs I think is saved in "
                "/tmp on the host disk.",
            ),
            Graded(
                1,
                "vague",
                "All three are ways to store data from the container. You use whichever one "
                "fits your case best, they each have their pros and cons.",
            ),
        ),
    ),
    (
        "Explain what Docker Compose is",
        (
            Graded(
                5,
                "expert",
                "Compose is Docker's tool for defining and running multi-container applications "
                "from a YAML file (compose.yaml). Today it's the docker compose plugin (v2), "
                "talking to the same Docker Engine API the CLI uses - it doesn't run anything "
                "itself, it creates the networks, volumes and containers for you. You describe "
                "services, networks and volumes; docker compose up -d builds or pulls and starts "
                "everything on a project network where services reach each other by service "
                "name, down removes it, logs, ps and exec work per service. Override files, "
                ".env variable substitution and profiles adapt one definition to dev, CI and "
                "demos. Where it shines: a local development stack (app, database, cache, queue) "
                "started with one command, integration tests in CI, demos and small single-host "
                "deployments. It isn't a cluster orchestrator: for several hosts, scaling and "
                "self-healing you'd use Kubernetes or Swarm (which reads a similar file format).",
            ),
            Graded(
                3,
                "slip",
                "Docker Compose is a tool where you describe all the containers of your app in "
                "one YAML file, with their images, ports, volumes and environment variables, and "
                "start everything with docker compose up. It uses the normal Docker engine "
                "underneath. It's very useful for local development, when your app needs a "
                "database and Redis, and in production it automatically spreads and scales your "
                "services across several servers.",
            ),
            Graded(
                3,
                "plain",
                "It lets you start several containers together from one file with one command, "
                "for example your web app plus its database, instead of typing a lot of docker "
                "run commands.",
            ),
            Graded(
                2,
                "vague",
                "It's for using Docker in a more organised way. Very useful in real projects and "
                "for microservices.",
            ),
            Graded(
                1,
                "misconception",
                "Docker Compose is the tool used to compose, that is build, Docker images, like a "
                "better docker build. You write your Dockerfile in compose format and it makes "
                "the image faster.",
            ),
        ),
    ),
    (
        "Describe the main sections and elements of a docker-compose.yml file",
        (
            Graded(
                5,
                "expert",
                "Top-level keys: services (required), networks, volumes, configs and secrets; "
                "the old version key is obsolete in the current Compose spec. Each service has "
                "image or build (context, dockerfile, args, target), command/entrypoint, "
                "environment or env_file, ports (host:container), volumes (named volume or bind "
                "path), networks, depends_on, healthcheck, restart, and deploy.resources for "
                "limits. They interact by name: a named volume used by a service must be declared "
                "under the top-level volumes, a service's networks refer to top-level networks "
                "(or all services join the default project network), and on a network each "
                "service is reachable by its service name through DNS. depends_on orders "
                "startup, and with condition: service_healthy waits for the dependency's "
                "healthcheck; otherwise it doesn't wait for readiness. Secrets and configs are "
                "mounted as files into the services that list them. ${VAR} substitution from .env, "
                "profiles, and extra files merged with -f let one file serve several "
                "environments.",
            ),
            Graded(
                4,
                "commands",
                'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n    '
                "environment:\n      - DATABASE_URL=postgres://db/app\n    depends_on:\n      - db\n"
                "  db:\n    image: postgres:16\n    volumes:\n      - dbdata:/var/lib/postgresql/"
                "data\nvolumes:\n  dbdata:\n\nservices are the containers, the volumes at the "
                "bottom are named volumes (networks go there too if you need them), and the "
                "services reach each other by their names, like db here.",
            ),
            Graded(
                3,
                "plain",
                "You have services, which are your containers, then volumes and networks. Each "
                "service says which image it uses, its ports and its environment variables.",
            ),
            Graded(
                1,
                "misconception",
                "At the top there's version, which is required, then a containers: section with "
                "each container. depends_on makes sure the database is fully ready before the app "
                "starts.",
            ),
            Graded(0, "empty", ""),
        ),
    ),
    (
        "Explain the different methods and best practices for limiting and managing CPU",
        (
            Graded(
                5,
                "expert",
                "Docker applies limits through cgroups, and by default a container has none: it "
                "can use all CPU and memory. Memory: --memory 512m is a hard limit, past it the "
                "kernel OOM-kills the process; --memory-swap sets memory plus swap (equal to "
                "--memory means no swap); --memory-reservation is a soft limit applied under "
                "pressure; don't disable the OOM killer without a limit. CPU: --cpus 1.5 caps CPU "
                "time via the CFS quota; --cpu-shares (default 1024) is only a relative weight "
                "when CPUs are contended; --cpuset-cpus 0,1 pins to cores. Others: --pids-limit "
                "against fork bombs, --device-read-bps/--device-write-bps and --blkio-weight for "
                "disk I/O, --ulimit nofile=... for file descriptors. docker update changes limits "
                "on a running container; in Compose use deploy.resources.limits and "
                "reservations. Best practice: measure real usage with docker stats or cAdvisor "
                "first, set limits on every production container with some headroom, and check "
                "the runtime inside respects them (JVM, Node heap).",
            ),
            Graded(
                4,
                "commands",
                "docker run -d --memory=512m --cpus=1.5 --pids-limit=200 myapp\n\n--memory is a "
                "hard limit, if the app goes over it the process gets killed (OOM). --cpus "
                "limits how much CPU time it gets. In compose it goes under deploy: resources: "
                "limits:. docker stats shows what each container is actually using.",
            ),
            Graded(
                3,
                "plain",
                "You can tell Docker how much memory and CPU a container is allowed to use with "
                "options on docker run, so one container can't eat up the whole server.",
            ),
            Graded(
                2,
                "mixed",
                "Use -m to set the memory, for example -m 1g. For CPU you use --cpu-shares=2 to "
                "give the container two cores.",
            ),
            Graded(
                1,
                "misconception",
                "Docker limits containers to a fair share automatically, by default each one "
                "gets 1 CPU and 1 GB of RAM, so normally you don't need to set anything.",
            ),
        ),
    ),
    (
        "Describe how Docker health checks work",
        (
            Graded(
                5,
                "expert",
                "A health check is a command the daemon runs inside the container on a "
                "schedule: HEALTHCHECK --interval=30s --timeout=5s --start-period=20s "
                "--retries=3 CMD curl -fsS http://localhost:8080/health || exit 1 in the "
                "Dockerfile, or --health-cmd and friends on docker run, or healthcheck: in "
                "Compose. Exit 0 means healthy, 1 unhealthy; after retries consecutive failures "
                "the state goes from starting to unhealthy, visible in docker ps and docker "
                "inspect. Plain Docker does not restart an unhealthy container: Swarm replaces "
                "it, and Compose can wait on it with depends_on condition: service_healthy. "
                "Restart policies act on the exit of the main process: no (default), on-failure "
                "with an optional max retry count (non-zero exit only), always (also comes back "
                "when the daemon restarts, even after a manual stop), unless-stopped (like "
                "always but respects a manual stop); restarts back off exponentially. Best "
                "practice: a cheap endpoint that checks the app's real dependencies, make sure "
                "the tool (curl, wget) exists in the image, give a start period for slow boots, "
                "and use unless-stopped or on-failure for services.",
            ),
            Graded(
                4,
                "commands",
                "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -f "
                "http://localhost:8000/health || exit 1\n\ndocker run -d --restart unless-stopped "
                "myapp\n\nunless-stopped restarts it after a crash or a reboot unless I stopped "
                "it myself, on-failure:5 only on a non-zero exit and at most 5 times, always "
                "always, and no is the default.",
            ),
            Graded(
                3,
                "plain",
                "A health check is a command Docker runs every so often inside the container to "
                "see if the app really works, like a curl to localhost. Restart policies say when "
                "to restart it: no, always, on-failure or unless-stopped.",
            ),
            Graded(
                2,
                "vague",
                "You add a health check so Docker knows whether the container is healthy and a "
                "restart policy so it restarts when something goes wrong. The best practice is to "
                "always have both.",
            ),
            Graded(
                0,
                "misconception",
                "Health checks are done by Docker Hub, which scans your image when you push it. "
                "The restart policy is how often the container restarts, for example every hour.",
            ),
        ),
    ),
    (
        "Explain the concept of multi-stage builds",
        (
            Graded(
                5,
                "expert",
                "A multi-stage Dockerfile has several FROM instructions; each starts a stage, "
                "optionally named (FROM node:20 AS build), and later stages pull artifacts out of "
                "earlier ones with COPY --from=build /app/dist ./dist (or from any image). Only "
                "the last stage, or the one chosen with --target, becomes the image; everything "
                "else in the builder stages - compilers, dev dependencies, source, caches, build "
                "secrets - is left behind. Benefits: much smaller images, a smaller attack "
                "surface and fewer CVEs to patch, no leaked source or credentials, one Dockerfile "
                "instead of the old builder pattern with two Dockerfiles and a script, and "
                "better builds: BuildKit runs independent stages in parallel, skips stages the "
                "target doesn't need, and caches each stage separately. --target also gives you "
                "a test or dev stage from the same file.",
            ),
            Graded(
                4,
                "slip",
                "You use several FROM lines in one Dockerfile. The first stage has the full "
                "toolchain and builds the app, and the last stage starts from a small base image "
                "and only copies the result with COPY --from=builder. COPY --from can only take "
                "files from the stage right before it. The final image doesn't contain the "
                "compilers or the source code, so it's much smaller and safer, and you don't need "
                "separate build scripts anymore.",
            ),
            Graded(
                3,
                "plain",
                "You build the app in one image that has all the tools, then copy only the "
                "finished program into a small clean image. So the image you ship ends up much "
                "smaller.",
            ),
            Graded(
                2,
                "vague",
                "Multi-stage builds make your Docker images better and more optimised. It's a "
                "best practice for production.",
            ),
            Graded(
                1,
                "misconception",
                "A multi-stage build means the image is built in stages on different machines, "
                "dev, staging and production, so it gets tested at each stage before it goes to "
                "production.",
            ),
        ),
    ),
    (
        "Provide a detailed explanation of how to implement multi-stage builds",
        (
            Graded(
                5,
                "expert",
                "Split the Dockerfile into a build stage and a minimal runtime stage. For Go: "
                "FROM golang:1.22 AS build, WORKDIR /src, COPY go.mod go.sum ./ and RUN go mod "
                "download first so dependencies cache, then COPY . . and RUN CGO_ENABLED=0 go "
                "build -ldflags='-s -w' -o /out/app; final stage FROM "
                "gcr.io/distroless/static (or scratch), COPY --from=build /out/app /app, USER "
                'nonroot, ENTRYPOINT ["/app"] - from ~900 MB to under 20 MB. For Node: a deps '
                "stage with npm ci, a build stage that runs npm run build, then a runtime stage "
                "from node:20-alpine or distroless that copies dist/ plus production "
                "node_modules from npm ci --omit=dev. Further savings: a .dockerignore so the "
                "context stays small, RUN --mount=type=cache for package caches instead of "
                "layers, cleaning up in the same RUN, copying only the files the app needs. "
                "Watch for alpine's musl breaking native modules and for missing CA certificates "
                "or tzdata in scratch. Check the result with docker images and dive, and build "
                "intermediate stages with --target when debugging.",
            ),
            Graded(
                4,
                "commands",
                "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod "
                "download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app\n\nFROM "
                'gcr.io/distroless/static\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n\n'
                "The build stage has the whole Go toolchain (about 800MB), the final image only "
                "has the binary, a few MB.",
            ),
            Graded(
                3,
                "plain",
                "Put two FROM lines in the Dockerfile. The first one installs everything and "
                "builds, the second starts from a small base like alpine and you copy just the "
                "built files over with COPY --from. The build tools don't end up in the final "
                "image.",
            ),
            Graded(
                2,
                "mixed",
                "You add AS to the FROM line to name the stage. Then to make it smaller you run "
                "docker image prune after the build, which deletes the first stage out of the "
                "final image.",
            ),
            Graded(
                1,
                "misconception",
                "To make the image smaller use as many stages as possible with lots of RUN "
                "commands, because every stage is compressed separately, so more stages and more "
                "layers mean a smaller image.",
            ),
        ),
    ),
    (
        "Explain the main security considerations and best practices",
        (
            Graded(
                5,
                "expert",
                "The core risk is the shared kernel, so reduce what a compromised container can "
                "do. Run as a non-root USER, and consider rootless Docker or userns-remap so root "
                "in the container isn't root on the host. Drop capabilities (--cap-drop ALL, add "
                "back only what's needed), set --security-opt no-new-privileges, keep the default "
                "seccomp profile and AppArmor/SELinux, never use --privileged, and never mount "
                "/var/run/docker.sock into a container - that's root on the host. Use a "
                "read-only root filesystem with tmpfs for scratch, and memory, CPU and pids "
                "limits against noisy neighbours and fork bombs. Images: minimal trusted bases "
                "pinned by digest, scanned for CVEs, signed and rebuilt regularly. Secrets via "
                "Docker/Swarm secrets or a vault, not in ENV or layers. Put services on separate "
                "networks and publish only what must be public, protect the daemon API with TLS "
                "if it's remote, keep the host and Docker patched, and audit against the CIS "
                "Docker Benchmark with runtime monitoring such as Falco.",
            ),
            Graded(
                4,
                "fair",
                "Don't run as root inside the container (set a USER), use small official base "
                "images and keep them updated, scan the images for CVEs, don't put passwords in "
                "the image or in environment variables but use secrets, set memory and CPU "
                "limits, never use --privileged or mount the docker socket, and make the "
                "filesystem read-only where you can.",
            ),
            Graded(
                3,
                "plain",
                "Don't run things as root, use images you trust and keep them updated, and don't "
                "put passwords into the image.",
            ),
            Graded(
                2,
                "mixed",
                "Containers are fully isolated from the host, so the main thing is to secure the "
                "host's firewall. Also keep your images updated and only use --privileged for "
                "containers you trust.",
            ),
            Graded(
                1,
                "vague",
                "Security is very important in production. You should follow the best practices "
                "and make sure everything is secure and monitored.",
            ),
        ),
    ),
    (
        "Describe the various techniques and best practices that can be implemented to secure",
        (
            Graded(
                5,
                "expert",
                "Think of it by stage. Writing the Dockerfile: minimal or distroless base images "
                "pinned by digest, multi-stage so build tools and source stay out, a "
                ".dockerignore so .git and .env never enter the context, a non-root USER, no "
                "secrets in ARG/ENV or layers - use BuildKit's RUN --mount=type=secret - and a "
                "linter like hadolint. CI: scan every image with Trivy or Grype and fail on "
                "critical CVEs, generate an SBOM, sign images with cosign or Docker Content "
                "Trust, rebuild on base-image updates. Registry: private, least-privilege "
                "access, immutable tags, and only signed, scanned images admitted to deploy. "
                "Runtime: read-only root filesystem, --cap-drop ALL, no-new-privileges, seccomp "
                "and AppArmor profiles, rootless mode or user namespaces, resource limits, "
                "network segmentation, secrets injected from a secret store. Operations: patch "
                "the host and engine, monitor with Falco and audit logs, and check the setup "
                "against the CIS benchmark with docker-bench-security.",
            ),
            Graded(
                4,
                "slip",
                "In the build: use small official base images with a fixed version, multi-stage "
                "builds so compilers don't ship, a non-root user, and keep secrets out of the "
                "Dockerfile and out of the layers. In CI scan the images with something like "
                "Trivy and block the deploy on critical vulnerabilities. Enable Docker Content "
                "Trust, which encrypts the image so nobody else can read it. At runtime run with "
                "a read-only filesystem, drop capabilities, don't use --privileged, set resource "
                "limits, and keep the host and Docker itself patched.",
            ),
            Graded(
                3,
                "plain",
                "Scan your images for known vulnerabilities in the CI pipeline, use small base "
                "images, don't run as root, and keep secrets out of the Dockerfile.",
            ),
            Graded(
                2,
                "commands",
                "docker run --read-only --cap-drop ALL --security-opt no-new-privileges myapp",
            ),
            Graded(
                0,
                "off-topic",
                "Use HTTPS for the website and hash the users' passwords with bcrypt in the "
                "database, and make sure the login form has rate limiting.",
            ),
        ),
    ),
)
