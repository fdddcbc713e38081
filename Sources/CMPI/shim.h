// Open MPI's handles (MPI_COMM_WORLD, MPI_BYTE, …) are macros over global objects that Swift
// cannot import; these accessors hand them over as values. Nothing else lives here.
#include <mpi.h>

static inline MPI_Comm entangle_mpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype entangle_mpi_byte(void) { return MPI_BYTE; }
static inline MPI_Datatype entangle_mpi_double(void) { return MPI_DOUBLE; }
static inline MPI_Op entangle_mpi_sum(void) { return MPI_SUM; }
static inline int entangle_mpi_any_source(void) { return MPI_ANY_SOURCE; }
static inline int entangle_mpi_any_tag(void) { return MPI_ANY_TAG; }
static inline int entangle_mpi_success(void) { return MPI_SUCCESS; }
static inline int entangle_mpi_thread_serialized(void) { return MPI_THREAD_SERIALIZED; }
static inline int entangle_mpi_status_source(const MPI_Status *status) { return status->MPI_SOURCE; }
static inline int entangle_mpi_status_tag(const MPI_Status *status) { return status->MPI_TAG; }
