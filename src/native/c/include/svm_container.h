/*
 * Container (cgroup) limits, as a native image queries them
 * (com.oracle.svm.core.container.ContainerLibrary). -1 = no limit, -2 = unknown.
 */
#ifndef VING_SVM_CONTAINER_H
#define VING_SVM_CONTAINER_H

/* Must match ContainerLibrary.VERSION and its result codes. */
#define SVM_CONTAINER_VERSION 240100
#define SVM_CONTAINER_SUCCESS_IS_NOT_CONTAINERIZED 0
#define SVM_CONTAINER_SUCCESS_IS_CONTAINERIZED 1
#define SVM_CONTAINER_ERROR_LIBCONTAINER_TOO_OLD 2
#define SVM_CONTAINER_ERROR_LIBCONTAINER_TOO_NEW 3

int svm_container_initialize(int expected_version);
unsigned long svm_container_physical_memory(void);
long svm_container_memory_limit_in_bytes(void);
long svm_container_memory_and_swap_limit_in_bytes(void);
long svm_container_memory_soft_limit_in_bytes(void);
long svm_container_memory_usage_in_bytes(void);
long svm_container_memory_max_usage_in_bytes(void);
long svm_container_rss_usage_in_bytes(void);
long svm_container_cache_usage_in_bytes(void);
int svm_container_active_processor_count(void);

#endif
