#include "DomainJson.h"
