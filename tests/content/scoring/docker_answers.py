"""Answers written for the bundled Docker bank's 24 questions, in question order, to hold the
scorer's ordering: an excellent answer above a plain-spoken partial one, and the partial one above
a wrong one, a bare keyword list, an off-topic one and an empty one.

- partial: short, correct and incomplete, in everyday words (what a beginner says);
- excellent: correct and complete, in the expert's terms;
- wrong: on topic and fluent, but the facts are false;
- keywords: the question's terms, listed without saying anything about them.
"""

OFF_TOPIC = (
    "To bake good bread you mix flour, water, salt and yeast, knead the dough for ten minutes, "
    "let it rise until it doubles, then bake it in a hot oven until the crust is brown.",
    "Git branches let several people work on features at once; you merge a branch back into the "
    "main line when the work is reviewed and the tests pass.",
    "A binary search tree keeps smaller keys on the left and larger keys on the right, so "
    "looking up a key takes time proportional to the height of the tree.",
)

ANSWERS = [
    {
        "partial": "Docker runs apps in containers that share the computer's operating system, "
        "so they are much lighter and start faster than virtual machines, which each need "
        "their own full OS.",
        "excellent": "Docker is a containerization platform: containers share the host kernel and "
        "are isolated with namespaces and cgroups, while virtual machines run on a hypervisor "
        "with a full guest OS and kernel each. So containers use far fewer resources, start in "
        "seconds, and images are built from layers, but the isolation is weaker than a VM's "
        "hardware-level isolation.",
        "wrong": "Docker is a hypervisor: every container boots its own complete guest kernel, "
        "which makes containers heavier and slower to start than virtual machines.",
        "keywords": "Docker, containers, virtual machines, kernel, hypervisor, isolation, images",
    },
    {
        "partial": "You type commands in the docker client, and it sends them to a background "
        "service on the machine that actually builds and runs the containers. Images can come "
        "from an online store like Docker Hub.",
        "excellent": "Docker uses a client-server architecture. The docker CLI client sends "
        "requests over the REST API to the Docker daemon (dockerd), which manages images, "
        "networks and volumes and hands container work to containerd. containerd manages the "
        "container lifecycle and calls runc, the OCI runtime that creates the container with "
        "namespaces and cgroups; a shim keeps each container running. Images are pulled from "
        "and pushed to a registry such as Docker Hub.",
        "wrong": "The Docker client runs every container itself inside the terminal window, so "
        "there is no daemon, and when you close the terminal all containers are deleted.",
        "keywords": "client, daemon, dockerd, containerd, runc, registry, REST API, shim",
    },
    {
        "partial": "An image is like a saved template or snapshot of an app with everything it "
        "needs to run. You start containers from it, and you can share it with others.",
        "excellent": "A Docker image is a read-only template made of stacked filesystem layers "
        "plus metadata such as the entrypoint, environment and exposed ports. It packages the "
        "application with its dependencies, is built from a Dockerfile, identified by tags and "
        "content digests, stored in registries, and used to create containers, which add a "
        "thin writable layer on top.",
        "wrong": "An image is a running process; when you stop it, the image is deleted, and "
        "every image can only be used once to create one container.",
        "keywords": "image, template, layers, Dockerfile, registry, tag, container",
    },
    {
        "partial": "An image is built in steps, and each step is saved as a layer on top of the "
        "one before. Layers that did not change are reused, so builds are faster and take "
        "less disk space.",
        "excellent": "Each Dockerfile instruction that changes files creates a read-only layer; "
        "a union filesystem such as overlay2 stacks them into one view. Layers are identified "
        "by content hashes, cached and shared between images, so builds reuse unchanged layers "
        "and pulls download only missing ones. A running container adds a thin writable layer "
        "and uses copy-on-write: a file is copied up only when the container changes it.",
        "wrong": "Each layer is a full copy of the whole image, so an image with ten layers is "
        "ten times bigger, and layers can never be shared between images.",
        "keywords": "layers, union filesystem, overlay2, copy-on-write, cache, read-only",
    },
    {
        "partial": "A container is a running copy of an image. The image is the recipe that "
        "does not change, and you can start many containers from the same image.",
        "excellent": "A container is a runnable instance of an image: the image's read-only "
        "layers plus a writable container layer, run as an isolated process with its own "
        "namespaces and cgroup limits on the shared host kernel. The image is the immutable "
        "template; many containers can run from one image, each with its own state, and "
        "changes in a container are lost when it is removed unless kept in a volume.",
        "wrong": "A container and an image are the same thing; when you run an image it is "
        "changed permanently, so the next container starts with the first one's changes.",
        "keywords": "container, image, instance, writable layer, process, namespaces",
    },
    {
        "partial": "First you create a container from an image, then you start it. Later you "
        "stop it, and when you do not need it any more you remove it.",
        "excellent": "The lifecycle goes created, running, paused, stopped (exited) and removed. "
        "docker create makes the container and its writable layer, docker start runs its main "
        "process, docker pause freezes it through the cgroup freezer, docker stop sends SIGTERM "
        "and then SIGKILL after a grace period, and docker rm deletes the stopped container "
        "and its writable layer; docker run combines create and start.",
        "wrong": "A container starts by itself when the image is downloaded, and stopping a "
        "container deletes it together with its image, so docker rm is never needed.",
        "keywords": "create, start, stop, remove, running, exited, lifecycle",
    },
    {
        "partial": "docker run starts a new container, docker ps lists the ones that are "
        "running, docker stop stops one, and docker rm deletes it.",
        "excellent": "docker run creates and starts a container from an image (-d detached, "
        "--name, -p to publish ports), docker ps lists running containers (-a includes stopped "
        "ones), docker stop stops a container gracefully, docker start restarts a stopped one, "
        "docker rm removes a container, docker logs shows its output, and docker exec runs a "
        "command inside a running container.",
        "wrong": "docker ps deletes all containers, docker rm restarts a container, and docker "
        "stop downloads the newest image from the internet.",
        "keywords": "docker run, docker ps, docker stop, docker rm, docker logs, docker exec",
    },
    {
        "partial": "docker run starts a container from an image, docker ps shows what is "
        "running, docker stop stops a container and docker rm removes it once it is stopped.",
        "excellent": "docker run -d --name web -p 8080:80 nginx starts a container in the "
        "background, named web, publishing port 80 on host port 8080. docker ps lists running "
        "containers and docker ps -a also stopped ones. docker stop web sends SIGTERM and "
        "then SIGKILL after a timeout, and docker rm web removes the stopped container; "
        "docker rm -f removes a running one.",
        "wrong": "docker run only downloads an image and never starts anything, docker ps prints "
        "the Docker version, and docker rm stops a container but keeps it.",
        "keywords": "docker run, docker ps, docker stop, docker rm, -d, -p, --name",
    },
    {
        "partial": "A Dockerfile is a text file with the steps to build an image, like which "
        "base to start from, what to copy in and how to start the app, so anyone can build "
        "the same image.",
        "excellent": "A Dockerfile is a text file of instructions that docker build runs in "
        "order to produce an image: FROM picks the base image, RUN executes commands, COPY adds "
        "files, ENV sets variables, EXPOSE documents ports and CMD or ENTRYPOINT sets the "
        "startup command. Each instruction makes a cached layer, so the build is reproducible "
        "and versioned with the code.",
        "wrong": "A Dockerfile is the log file that a running container writes its errors to, "
        "and it is created automatically when the container crashes.",
        "keywords": "Dockerfile, FROM, RUN, COPY, CMD, build, image",
    },
    {
        "partial": "A Dockerfile starts from a base image, then copies in the app files, "
        "installs what the app needs and says which command starts the app.",
        "excellent": "A Dockerfile starts with FROM for the base image, then WORKDIR for the "
        "working directory, COPY or ADD for files, RUN to install dependencies, ENV and ARG "
        "for variables, EXPOSE for ports, USER to drop root, and ends with CMD or ENTRYPOINT "
        "for the startup command. Order instructions from least to most often changed so the "
        "layer cache is reused.",
        "wrong": "A Dockerfile must start with CMD, and FROM goes at the end to name the "
        "container; RUN instructions are executed each time the container starts.",
        "keywords": "FROM, WORKDIR, COPY, RUN, ENV, EXPOSE, CMD, ENTRYPOINT",
    },
    {
        "partial": "A registry is an online place where images are stored, like Docker Hub. "
        "You upload your images there and others can download them.",
        "excellent": "A registry is a server that stores and distributes images through the "
        "Registry HTTP API. It holds repositories of tagged images, stores layers as "
        "content-addressed blobs with manifests, and serves docker push and docker pull. "
        "Docker Hub is the default public registry; private registries such as Harbor or a "
        "cloud provider's add access control and vulnerability scanning.",
        "wrong": "A registry is the list of containers running on your laptop, kept in the "
        "Windows registry, and it cannot be shared with other machines.",
        "keywords": "registry, Docker Hub, repository, push, pull, tags, private",
    },
    {
        "partial": "You log in to Docker Hub, then you can download images with docker pull. To "
        "share your own image you give it a name with your account and upload it with docker "
        "push.",
        "excellent": "docker pull nginx:1.25 downloads an image from Docker Hub, fetching only "
        "the layers that are not local. To publish, run docker login with your credentials or an "
        "access token, tag the image with your namespace using docker tag myapp "
        "user/myapp:1.0, then docker push user/myapp:1.0 uploads the missing layers and the "
        "manifest.",
        "wrong": "Docker Hub needs no account at all: docker push sends an image to every "
        "computer on your network, and docker pull deletes it from the Hub.",
        "keywords": "docker pull, docker push, docker login, docker tag, Docker Hub, credentials",
    },
    {
        "partial": "Containers on the same network can talk to each other by name. To reach a "
        "container from outside, you connect a port on your computer to a port in the "
        "container.",
        "excellent": "Docker networking attaches containers to networks through drivers. On the "
        "default bridge network each container gets its own network namespace, a virtual "
        "ethernet pair and a private IP; user-defined bridge networks add DNS so containers "
        "reach each other by name. Outbound traffic goes through NAT with iptables, and "
        "publishing a port with -p maps a host port to a container port.",
        "wrong": "Containers can never talk to each other, and every container automatically "
        "gets a public IP address on the internet with all ports open.",
        "keywords": "bridge, host, overlay, DNS, ports, NAT, network namespace",
    },
    {
        "partial": "Bridge is the usual one for containers on one machine; host uses the "
        "computer's network directly; overlay connects containers on several machines; and "
        "none switches the network off.",
        "excellent": "bridge is the default: a private internal network on one host with NAT "
        "and port publishing. host shares the host's network stack for the best performance "
        "but no isolation. overlay spans several hosts with VXLAN for Swarm services. macvlan "
        "gives each container its own MAC address so it appears as a physical device on the "
        "LAN. none leaves only the loopback interface for fully isolated containers.",
        "wrong": "bridge connects containers on different continents, host gives every "
        "container its own physical network card, and overlay is only used for Windows.",
        "keywords": "bridge, host, overlay, macvlan, none, drivers",
    },
    {
        "partial": "Volumes keep data after a container is deleted, so databases do not lose "
        "their files. Several containers can use the same volume.",
        "excellent": "A volume is storage managed by Docker outside the container's writable "
        "layer, so data persists when the container is removed. Volumes are created with "
        "docker volume create or named in docker run -v, can be shared between containers, "
        "backed up, and use volume drivers for remote storage. Use them for databases, "
        "uploads and any state that must survive a container's lifecycle.",
        "wrong": "Volumes make a container louder; they also delete all data whenever the "
        "container stops, which is why databases should never use them.",
        "keywords": "volumes, persistence, docker volume create, -v, drivers, data",
    },
    {
        "partial": "A bind mount uses a folder from your computer, a volume is storage that "
        "Docker looks after, and tmpfs keeps files only in memory so they disappear when the "
        "container stops.",
        "excellent": "Bind mounts map an exact host path into the container: good for source "
        "code in development, but they depend on the host's directory layout. Volumes are "
        "managed by Docker under its own storage area, portable, easy to back up and the "
        "choice for persistent data. tmpfs mounts live in host memory only, are never written "
        "to disk and vanish when the container stops, so they suit secrets and scratch data; "
        "they work only on Linux.",
        "wrong": "Bind mounts are stored in the cloud, volumes are kept in RAM and lost on "
        "restart, and tmpfs mounts write everything permanently to disk.",
        "keywords": "bind mounts, volumes, tmpfs, host path, memory, persistent",
    },
    {
        "partial": "Docker Compose lets you describe several containers in one file and start "
        "them all together with one command, which is handy when an app needs a web server "
        "and a database.",
        "excellent": "Docker Compose is a tool for defining and running multi-container "
        "applications from a docker-compose.yml file: services, networks and volumes are "
        "declared once and docker compose up creates them together. It uses the Docker Engine "
        "API, sets up a shared network with service-name DNS, and suits local development "
        "environments, integration tests in CI and small single-host deployments.",
        "wrong": "Docker Compose is a text editor for writing Dockerfiles; it replaces Docker "
        "and can only run one container at a time.",
        "keywords": "Compose, docker-compose.yml, services, multi-container, up, networks",
    },
    {
        "partial": "The compose file lists the services, which are the containers, with the "
        "image or build folder for each, the ports to open and the storage they use.",
        "excellent": "A docker-compose.yml has top-level services, networks and volumes keys. "
        "Each service sets image or build, ports, environment, volumes, networks, "
        "depends_on and restart. Named volumes and networks declared at the top level are "
        "referenced from services, so the services can reach each other by name and keep "
        "data across restarts.",
        "wrong": "A compose file has only one section, called containers, and it must be "
        "written in XML; ports and volumes cannot be set in it.",
        "keywords": "services, volumes, networks, ports, depends_on, environment, image",
    },
    {
        "partial": "You can tell Docker how much memory and processor a container may use when "
        "you start it, so one container cannot slow down the whole machine.",
        "excellent": "Docker limits resources through cgroups. --memory sets a hard memory "
        "limit (the kernel kills the process past it), --memory-reservation a soft one, "
        "--cpus caps the CPU time, --cpu-shares sets relative weight and --cpuset-cpus pins "
        "cores; --pids-limit bounds processes and --blkio-weight disk I/O. In Compose the "
        "same limits go under deploy.resources, and docker stats shows the usage.",
        "wrong": "Docker containers always get unlimited memory and processor time; there is "
        "no way to limit them, so you need a separate virtual machine for each app.",
        "keywords": "cgroups, --memory, --cpus, --cpu-shares, limits, docker stats",
    },
    {
        "partial": "A health check is a command Docker runs every so often to see if the app "
        "still works. A restart policy says whether Docker should start the container again "
        "when it stops.",
        "excellent": "A HEALTHCHECK instruction runs a command at an interval, with a timeout, "
        "start period and number of retries, and marks the container healthy or unhealthy by "
        "its exit code. Restart policies are no (the default), on-failure with a retry count, "
        "always, and unless-stopped; set them with --restart. A health check does not restart "
        "a container by itself, but orchestrators and depends_on conditions can act on it.",
        "wrong": "A health check measures the temperature of the server's CPU, and the restart "
        "policy restarts the whole computer every night.",
        "keywords": "HEALTHCHECK, interval, retries, restart policy, always, on-failure",
    },
    {
        "partial": "A multi-stage build uses one stage to build the app and a second, clean "
        "stage that copies only the finished program, so the final image is much smaller.",
        "excellent": "A multi-stage build has several FROM instructions in one Dockerfile. An "
        "early stage holds compilers and build tools, and the final stage starts from a small "
        "runtime base and copies only the artifacts with COPY --from=builder. The result is a "
        "smaller image with less attack surface, no build tools or secrets left behind, and "
        "one Dockerfile for build and release.",
        "wrong": "A multi-stage build runs the same container on several stages of a theatre, "
        "and it always makes the final image larger because every stage is kept.",
        "keywords": "multi-stage, FROM, COPY --from, builder, stages, image size",
    },
    {
        "partial": "You build the app in a first stage with all the tools, then start again "
        "from a small base image and copy in just the built program, leaving the tools behind.",
        "excellent": "Name the build stage with FROM golang:1.22 AS builder, compile there, then "
        "start the final stage FROM a slim, alpine, distroless or scratch base and use COPY "
        "--from=builder to copy only the binary or build output. Install only production "
        "dependencies, clean package caches in the same RUN, and use a .dockerignore so the "
        "final image stays small.",
        "wrong": "To reduce image size you add more FROM lines to the end of the file, because "
        "Docker merges all stages into the final image and compresses them.",
        "keywords": "AS builder, COPY --from, alpine, scratch, distroless, .dockerignore",
    },
    {
        "partial": "Do not run containers as the root user, only use images you trust and keep "
        "them updated, and do not put passwords inside images.",
        "excellent": "Run containers as a non-root user, drop Linux capabilities and add "
        "no-new-privileges, use read-only filesystems and seccomp or AppArmor profiles, and "
        "set resource limits. Use trusted, minimal base images that are scanned for "
        "vulnerabilities and signed, keep secrets in a secrets manager rather than in images "
        "or environment variables, isolate networks, and never mount the Docker socket.",
        "wrong": "Containers are completely isolated from the host, so running them as root "
        "with --privileged is safe and security needs no extra work.",
        "keywords": "root, capabilities, seccomp, AppArmor, secrets, scanning, read-only",
    },
    {
        "partial": "Use small official images, check them for known security problems, do not "
        "run as root, and keep secrets out of the Dockerfile.",
        "excellent": "Secure the whole lifecycle: start from minimal, trusted base images, scan "
        "images for vulnerabilities in CI, sign them and verify signatures with Docker Content "
        "Trust, and keep secrets out of layers with build secrets. At run time use a non-root "
        "USER, drop capabilities, apply seccomp and AppArmor profiles, a read-only root "
        "filesystem and resource limits, and keep the host and Docker engine patched.",
        "wrong": "Images are secure as long as they are big, and scanning them for "
        "vulnerabilities makes them slower, so it should be avoided in production.",
        "keywords": "scanning, signing, Content Trust, non-root, capabilities, seccomp, secrets",
    },
]
